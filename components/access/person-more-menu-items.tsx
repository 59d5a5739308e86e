"use client";
import { History, Mail, Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { MenuItem, ResendBlocker } from "./person-more-menu";

/** The "Plus" menu itself, loaded when first opened (person-more-menu.tsx). */
export function PersonMoreMenuItems({
  trigger,
  items,
  blocker,
  onSelect,
}: {
  trigger: ReactElement;
  items: MenuItem[];
  blocker: ResendBlocker;
  onSelect: (item: MenuItem) => void;
}) {
  const t = useTranslations("access");
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent>
        {items.includes("resend") ? (
          <DropdownMenuItem disabled={!!blocker} onSelect={() => onSelect("resend")}>
            <Mail aria-hidden className="h-4 w-4" />
            <span className="flex flex-col">
              {t("resend")}
              {blocker ? <span className="text-xs text-slate-500">{t(blocker)}</span> : null}
            </span>
          </DropdownMenuItem>
        ) : null}
        {items.includes("editEmail") ? (
          <DropdownMenuItem onSelect={() => onSelect("editEmail")}>
            <Pencil aria-hidden className="h-4 w-4" />
            {t("editEmail")}
          </DropdownMenuItem>
        ) : null}
        {items.includes("history") ? (
          <DropdownMenuItem onSelect={() => onSelect("history")}>
            <History aria-hidden className="h-4 w-4" />
            {t("history")}
          </DropdownMenuItem>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
