"use client";
import { cloneElement, Suspense, useState, type HTMLAttributes, type ReactElement, type ReactNode } from "react";

type TriggerProps = HTMLAttributes<HTMLElement> & { "aria-haspopup"?: "menu" | "dialog"; "aria-expanded"?: boolean };

/**
 * A menu or popover whose code (Radix, floating-ui) loads when it is first used rather than with the
 * page. Until then its trigger is shown as is, announced the same way (aria-haspopup, collapsed);
 * hovering or focusing it starts the download, and a click renders `open(trigger)`: the real
 * component (React.lazy), opened, with `trigger` inside its own Radix trigger.
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
  // A failed download is retried by the click, which then shows the error boundary.
  const startLoading = () => void preload().catch(() => {});
  const standIn = (onClick?: () => void) =>
    cloneElement(trigger, {
      "aria-haspopup": kind,
      "aria-expanded": false,
      onPointerEnter: startLoading,
      onFocus: startLoading,
      onClick,
    });
  if (!used) return standIn(() => setUsed(true));
  return <Suspense fallback={standIn()}>{open(trigger)}</Suspense>;
}
