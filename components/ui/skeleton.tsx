import { cn } from "./cn";

export function Skeleton({ round = false, className }: { round?: boolean; className?: string }) {
  return <span aria-hidden className={cn("block animate-pulse bg-slate-200", round ? "rounded-full" : "rounded-md", className)} />;
}
