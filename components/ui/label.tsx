"use client";
import type { LabelHTMLAttributes, MouseEvent } from "react";
import { cn } from "./cn";

/**
 * A form label. Like Radix's Label, which it replaces without its script: a double click on the
 * label does not select its text (a click still focuses or toggles the control).
 */
export function Label({ className, onMouseDown, ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  function keepTextUnselected(event: MouseEvent<HTMLLabelElement>) {
    if ((event.target as Element).closest("button, input, select, textarea")) return;
    onMouseDown?.(event);
    if (!event.defaultPrevented && event.detail > 1) event.preventDefault();
  }
  return <label className={cn("text-sm font-medium text-slate-800", className)} onMouseDown={keepTextUnselected} {...props} />;
}
