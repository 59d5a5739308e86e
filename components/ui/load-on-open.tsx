"use client";
import { lazy, Suspense, type ComponentType } from "react";
import { Spinner } from "./spinner";

/** React.lazy for a component taken from a module: `lazyComponent(() => import("./x").then((module) => module.X))`. */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(() => load().then((component) => ({ default: component })));
}

/**
 * A dialog whose code downloads when it is first opened rather than with the page: rendered only
 * while open. Closed, it renders nothing, as a closed Radix dialog does; each opening starts from a
 * fresh state. While its code downloads, the page is dimmed as under the dialog, with a spinner, so
 * the click is seen to have done something.
 */
export function loadOnOpen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  isOpen: (props: P) => boolean = (props) => (props as { open?: boolean }).open === true,
) {
  const Dialog = lazyComponent(load);
  return function OpenDialog(props: P) {
    return isOpen(props) ? (
      <Suspense
        fallback={
          <div aria-busy className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/40">
            <Spinner className="text-white" />
          </div>
        }
      >
        <Dialog {...props} />
      </Suspense>
    ) : null;
  };
}
