"use client";
import { ChevronDown, LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { endStaffSession } from "@/lib/actions/staff-session";
import { SIGN_IN_PATH } from "@/lib/routes";

export function UserMenu({ name, roleName }: { name: string; roleName: string }) {
  const t = useTranslations("nav");
  const [failed, setFailed] = useState(false);
  const inFlight = useRef(false);

  // The session ends on the server first: if that fails, staff are told and stay signed in, rather
  // than leaving a live session behind a browser that looks signed out.
  async function onSignOut() {
    if (inFlight.current) return;
    inFlight.current = true;
    setFailed(false);
    try {
      const ended = await endStaffSession();
      if (ended.ok) {
        await signOut({ callbackUrl: SIGN_IN_PATH });
        return;
      }
      setFailed(true);
    } catch {
      setFailed(true);
    }
    inFlight.current = false;
  }

  return (
    <div className="flex items-center gap-2">
      {failed ? (
        <p role="alert" className="text-sm text-red-800">
          {t("signOutFailed")}
        </p>
      ) : null}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" aria-label={`${t("userMenu")} (${name})`}>
            <span className="max-w-40 truncate">{name}</span>
            <ChevronDown aria-hidden className="h-4 w-4" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuLabel className="px-3 py-2 text-xs text-slate-600">{t("role", { role: roleName })}</DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => void onSignOut()}>
            <LogOut aria-hidden className="h-4 w-4" />
            {t("signOut")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
