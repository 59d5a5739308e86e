import { forwardRef, type SelectHTMLAttributes } from "react";
import { cn } from "./cn";

/** The browser's own select: the most robust choice for keyboards, screen readers and phones. Its width is the caller's (className). */
export const NativeSelect = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(function NativeSelect(
  { className, ...props },
  ref,
) {
  return (
    <select
      ref={ref}
      className={cn(
        "h-10 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900",
        "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600",
        "disabled:bg-slate-100 disabled:text-slate-500",
        className,
      )}
      {...props}
    />
  );
});
