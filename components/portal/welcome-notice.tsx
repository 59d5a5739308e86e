"use client";
import { useEffect } from "react";
import { withoutWelcome } from "@/lib/routes";

/**
 * The note shown once after a password is chosen. It drops `?bienvenue=…` from the address, so a
 * reload or a bookmark does not announce it again.
 */
export function WelcomeNotice({ children }: { children: React.ReactNode }) {
  useEffect(() => {
    window.history.replaceState(window.history.state, "", withoutWelcome(window.location.href));
  }, []);
  return (
    <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
      {children}
    </p>
  );
}
