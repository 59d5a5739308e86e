import { forwardRef, type ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

const VARIANTS = {
  primary: "bg-indigo-700 text-white hover:bg-indigo-800 disabled:bg-indigo-300",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400",
  ghost: "text-slate-700 hover:bg-slate-100 disabled:text-slate-400",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-red-300",
  // A destructive action that is rare: it must not draw the eye before the usual one.
  "danger-outline": "border border-red-300 bg-white text-red-800 hover:bg-red-50 disabled:text-red-300",
} as const;

const SIZES = {
  md: "h-10 px-4 text-sm",
  sm: "h-8 px-3 text-sm",
  icon: "h-9 w-9 justify-center",
} as const;

type Look = { variant?: keyof typeof VARIANTS; size?: keyof typeof SIZES; className?: string };

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & Look;

/** The button's classes, for a link that looks like one: `<Link className={buttonClasses({ variant: "secondary" })}>`. */
export function buttonClasses({ variant = "primary", size = "md", className }: Look = {}): string {
  return cn(
    "inline-flex items-center gap-2 rounded-md font-medium transition-colors",
    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
    "disabled:cursor-not-allowed",
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button({ variant, size, className, type, ...props }, ref) {
  return <button ref={ref} type={type ?? "button"} className={buttonClasses({ variant, size, className })} {...props} />;
});
