"use client";
import { ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { lazyComponent } from "@/components/ui/load-on-open";
import { useAction } from "@/components/ui/use-action";
import { endStaffSession } from "@/lib/actions/staff-session";
import { SIGN_IN_PATH } from "@/lib/routes";

const loadItems = () => import("./user-menu-items");
const UserMenuItems = lazyComponent(() => loadItems().then((module) => module.UserMenuItems));

export function UserMenu({ name, roleName }: { name: string; roleName: string }) {
  const t = useTranslations("nav");
  // The session ends on the server first: if that fails, staff are told and stay signed in, rather
  // than leaving a live session behind a browser that looks signed out.
  const signOut = useAction(endStaffSession, {
    busyAfterSuccess: true,
    onSuccess: async () => {
      // Loaded now: signing out is not something a page needs to be ready for.
      const { signOutTo } = await import("@/lib/auth-client");
      await signOutTo(SIGN_IN_PATH);
    },
  });
  const failed = signOut.error !== null;

  return (
    <div className="flex items-center gap-2">
      {failed ? (
        <p role="alert" className="text-sm text-red-800">
          {t("signOutFailed")}
        </p>
      ) : null}
      <DeferredPopup
        kind="menu"
        preload={loadItems}
        trigger={
          // The name the button shows starts its accessible name (WCAG 2.5.3, label in name).
          <Button variant="ghost">
            <span className="max-w-40 truncate">{name}</span>
            <span className="sr-only"> — {t("userMenu")}</span>
            <ChevronDown aria-hidden className="h-4 w-4" />
          </Button>
        }
        open={(trigger) => <UserMenuItems trigger={trigger} roleName={roleName} onSignOut={() => void signOut.execute(undefined)} />}
      />
    </div>
  );
}
