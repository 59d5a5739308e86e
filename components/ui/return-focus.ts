"use client";
import { useRef } from "react";

const FOCUSABLE = "button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled])";

/** The control that opened a dialog: the focused element, or for a menu's item the menu's button. */
function openerOf(active: Element | null): HTMLElement | null {
  const menu = active?.closest<HTMLElement>("[role=menu]");
  const trigger = menu?.id ? document.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(menu.id)}"]`) : null;
  const opener = trigger ?? active;
  return opener instanceof HTMLElement && opener !== document.body ? opener : null;
}

/**
 * Its ancestors, nearest first, up to the page's <main>: where to look for a sensible control if it is
 * gone on closing. Not beyond: when the whole page was replaced (a confirmation that opens another
 * page), the first control of the layout around it is the skip link, which means nothing there.
 */
function ancestorsOf(element: HTMLElement | null): HTMLElement[] {
  const ancestors: HTMLElement[] = [];
  for (let node = element?.parentElement; node && node !== document.body; node = node.parentElement) {
    ancestors.push(node);
    if (node.tagName === "MAIN") break;
  }
  return ancestors;
}

const WATCH_MS = 5_000;

function focusNearest(ancestors: HTMLElement[]) {
  for (const ancestor of ancestors) {
    if (!ancestor.isConnected) continue;
    const control = ancestor.querySelector<HTMLElement>(FOCUSABLE);
    if (control) return control.focus();
  }
}

/**
 * The opener if still there, else the first control of its nearest part of the page still shown (e.g.
 * the same card). A confirmed action often replaces the opener a moment later, when the page's new
 * data arrives: while focus has not moved on, that is watched for a few seconds and followed the same way.
 */
export function focusAfterClose(opener: HTMLElement | null, ancestors: HTMLElement[]) {
  if (!opener?.isConnected) return focusNearest(ancestors);
  opener.focus();
  const observer = new MutationObserver(() => {
    if (opener.isConnected) return;
    observer.disconnect();
    if (document.activeElement === null || document.activeElement === document.body) focusNearest(ancestors);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), WATCH_MS);
}

/**
 * Focus back on the control that opened a dialog once it closes (Escape, its close button, or a
 * confirmation): Radix only does it for a dialog opened by its own Trigger, and our dialogs are mostly
 * opened from state (a menu item, a row's button) or loaded on opening. After a confirmation that
 * removed that control, the first control of the nearest part of the page that is still there.
 */
export function useReturnFocus<E extends { preventDefault(): void; defaultPrevented: boolean }>(props: {
  onOpenAutoFocus?: (event: E) => void;
  onCloseAutoFocus?: (event: E) => void;
}) {
  const opened = useRef<{ opener: HTMLElement | null; ancestors: HTMLElement[] }>({ opener: null, ancestors: [] });
  return {
    onOpenAutoFocus: (event: E) => {
      const opener = openerOf(document.activeElement);
      opened.current = { opener, ancestors: ancestorsOf(opener) };
      props.onOpenAutoFocus?.(event);
    },
    onCloseAutoFocus: (event: E) => {
      props.onCloseAutoFocus?.(event);
      if (event.defaultPrevented) return;
      event.preventDefault();
      focusAfterClose(opened.current.opener, opened.current.ancestors);
    },
  };
}
