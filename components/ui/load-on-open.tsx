"use client";
import { lazy, Suspense, type ComponentType } from "react";
import { Spinner } from "./spinner";

const RELOADED_AT = "sesame:reloaded-for-missing-code";
const RELOAD_AT_MOST_EVERY_MS = 60_000;

/**
 * What to do when a component's code fails to download. Most often the tab was opened before a new
 * release and asks for files the server no longer has: the page itself is stale, and reloading it
 * once brings the current code (the error page's « Réessayer » cannot, React.lazy keeps the failure).
 * A second failure within a minute is a real outage: it goes to the error page.
 */
export function reloadOnceForMissingCode(
  error: unknown,
  storage: Pick<Storage, "getItem" | "setItem">,
  reload: () => void,
  now = Date.now(),
): Promise<never> {
  const last = Number(storage.getItem(RELOADED_AT) ?? 0);
  if (now - last < RELOAD_AT_MOST_EVERY_MS) return Promise.reject(error);
  storage.setItem(RELOADED_AT, String(now));
  reload();
  return new Promise<never>(() => {});
}

/** React.lazy for a component taken from a module: `lazyComponent(() => import("./x").then((module) => module.X))`. */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(() =>
    load().then(
      (component) => ({ default: component }),
      (error: unknown) => reloadOnceForMissingCode(error, window.sessionStorage, () => window.location.reload()),
    ),
  );
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
