"use client";
import { lazy, Suspense, type ComponentType } from "react";

/**
 * A dialog whose code downloads when it is first opened rather than with the page (React.lazy):
 * rendered only while open. Closed, it renders nothing, as a closed Radix dialog does; each opening
 * starts from a fresh state.
 */
export function loadOnOpen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  isOpen: (props: P) => boolean = (props) => (props as { open?: boolean }).open === true,
) {
  const Dialog = lazy(() => load().then((component) => ({ default: component })));
  return function OpenDialog(props: P) {
    return isOpen(props) ? (
      <Suspense fallback={null}>
        <Dialog {...props} />
      </Suspense>
    ) : null;
  };
}
