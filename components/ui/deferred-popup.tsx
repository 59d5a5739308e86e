"use client";
import { cloneElement, useState, useTransition, type HTMLAttributes, type KeyboardEvent, type ReactElement, type ReactNode } from "react";

type TriggerProps = HTMLAttributes<HTMLElement> & {
  "aria-haspopup"?: "menu" | "dialog";
  "aria-expanded"?: boolean;
  "aria-busy"?: boolean;
};

/**
 * A menu or popover whose code (Radix, floating-ui) loads when it is first used rather than with the
 * page. Until then its trigger is shown as is, announced the same way (aria-haspopup, collapsed);
 * hovering or focusing it starts the download, and a click (or, for a menu, ArrowDown, as Radix's
 * trigger does) renders `open(trigger)`: the real component (React.lazy), opened, with `trigger`
 * inside its own Radix trigger. While the code downloads, the stand-in stays (focus kept) and says
 * it is busy.
 */
export function DeferredPopup({
  trigger,
  kind,
  preload,
  open,
}: {
  trigger: ReactElement<TriggerProps>;
  kind: "menu" | "dialog";
  preload: () => Promise<unknown>;
  open: (trigger: ReactElement<TriggerProps>) => ReactNode;
}) {
  const [used, setUsed] = useState(false);
  // A transition keeps the stand-in already shown inside the boundary, rather than its fallback.
  const [loading, startLoadingTransition] = useTransition();
  // A failed early download is tried again by the click (lazyComponent reloads a stale page).
  const startLoading = () => void preload().catch(() => {});
  const openPopup = () => startLoadingTransition(() => setUsed(true));
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    trigger.props.onKeyDown?.(event);
    if (kind === "menu" && event.key === "ArrowDown" && !event.defaultPrevented) {
      event.preventDefault();
      openPopup();
    }
  };
  const standIn = () =>
    cloneElement(trigger, {
      "aria-haspopup": kind,
      "aria-expanded": false,
      "aria-busy": loading || undefined,
      onPointerEnter: startLoading,
      onFocus: startLoading,
      onClick: openPopup,
      onKeyDown,
    });
  // No Suspense boundary of its own: `openPopup` renders the real component in a transition, so while its
  // code downloads React keeps the stand-in on screen. A boundary here would also cost every row of
  // a list twice its bytes: React 19.2 outlines boundaries over 500 bytes once a page has sent 12.8 kB
  // (fallback in place, content again later in the stream, swapped in by a script after 300 ms).
  return used ? open(trigger) : standIn();
}
