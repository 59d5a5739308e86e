import type { ReactNode } from "react";
import { cn } from "./cn";

/** An error sentence announced as soon as it appears. */
export function ErrorAlert({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <p role="alert" className={cn("rounded-md bg-red-50 px-3 py-2 text-sm text-red-800", className)}>
      {children}
    </p>
  );
}
