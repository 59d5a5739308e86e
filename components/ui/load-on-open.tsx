"use client";
import { lazy, Suspense, type ComponentType } from "react";

/** React.lazy for a component taken from a module: `lazyComponent(() => import("./x").then((module) => module.X))`. */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(() => load().then((component) => ({ default: component })));
}

/**
 * A dialog whose code downloads when it is first opened rather than with the page (lazyComponent):
 * rendered only while open. Closed, it renders nothing, as a closed Radix dialog does; each opening
 * starts from a fresh state.
 */
export function loadOnOpen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  isOpen: (props: P) => boolean = (props) => (props as { open?: boolean }).open === true,
) {
  const Dialog = lazyComponent(load);
  return function OpenDialog(props: P) {
    return isOpen(props) ? (
      <Suspense fallback={null}>
        <Dialog {...props} />
      </Suspense>
    ) : null;
  };
}
