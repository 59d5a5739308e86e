"use client";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";

/**
 * A tooltip on a small focusable button: shown while the button has focus or the pointer is over it
 * (or the tooltip), hidden by Escape (WCAG 1.4.13). Its text stays in the page, hidden, as the
 * button's description (aria-describedby), so screen readers read it on focus without opening it.
 * Written by hand rather than with Radix: it sits in every row of the Étudiants list, whose first
 * load would otherwise carry floating-ui; it opens below its trigger in fixed position, so a
 * scrolling table does not clip it.
 */
export function Tooltip({ content, children, className }: { content: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const show = () => {
    const rect = trigger.current?.getBoundingClientRect();
    setPosition({ top: rect ? rect.bottom : 0, left: rect ? rect.left : 0 });
  };
  const hide = () => setPosition(null);
  const open = position !== null;

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") setPosition(null);
    };
    // A scroll moves the trigger away from where the tooltip was placed.
    document.addEventListener("keydown", onKeyDown);
    window.addEventListener("scroll", hide, true);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("scroll", hide, true);
    };
  }, [open]);

  return (
    <span className="inline-block" onPointerEnter={show} onPointerLeave={hide}>
      <button
        ref={trigger}
        type="button"
        aria-describedby={id}
        onFocus={show}
        onBlur={hide}
        onClick={show}
        className={cn(
          "rounded text-left underline decoration-dotted underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
          className,
        )}
      >
        {children}
      </button>
      {/* The padding bridges the gap to the trigger, so the pointer can move onto the tooltip. */}
      <span
        id={id}
        role="tooltip"
        hidden={!open}
        style={position ? { position: "fixed", top: position.top, left: position.left } : undefined}
        className="z-50 pt-1.5"
      >
        <span className="block max-w-xs rounded-md bg-slate-900 px-3 py-2 text-xs text-white shadow-lg">{content}</span>
      </span>
    </span>
  );
}
