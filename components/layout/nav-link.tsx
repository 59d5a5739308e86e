"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

const within = (pathname: string, path: string) => pathname === path || pathname.startsWith(`${path}/`);

/** A link of the main menu, current on its page and the pages under it (but not under `except`, another entry's). */
export function NavLink({ href, except, children }: { href: string; except?: string; children: ReactNode }) {
  const pathname = usePathname();
  const active = within(pathname, href) && !(except && within(pathname, except));
  return (
    <Link
      href={href}
      // Highlighted on the pages under it too, but "the current page" only on its own: a page has one.
      aria-current={pathname === href ? "page" : undefined}
      className={cn(
        "rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-100",
        active ? "bg-indigo-50 text-indigo-800" : "text-slate-700",
      )}
    >
      {children}
    </Link>
  );
}
