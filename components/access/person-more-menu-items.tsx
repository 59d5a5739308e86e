"use client";
import { BellRing, History, Mail, Pencil, type LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { MenuBlockers, MenuItem } from "./person-more-menu";

// In the menu's order; each item's label is the "access" message of the same name.
const ICONS: Record<MenuItem, LucideIcon> = { resend: Mail, remind: BellRing, editEmail: Pencil, history: History };

/** The "Plus" menu itself, loaded when first opened (person-more-menu.tsx). */
export function PersonMoreMenuItems({
  trigger,
  items,
  blockers,
  onSelect,
}: {
  trigger: ReactElement;
  items: MenuItem[];
  blockers: MenuBlockers;
  onSelect: (item: MenuItem) => void;
}) {
  const t = useTranslations("access");
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent>
        {(Object.keys(ICONS) as MenuItem[])
          .filter((item) => items.includes(item))
          .map((item) => {
            const Icon = ICONS[item];
            // A blocked item says why under its label.
            const reason = blockers[item] ?? null;
            return (
              <DropdownMenuItem key={item} disabled={!!reason} onSelect={() => onSelect(item)}>
                <Icon aria-hidden className="h-4 w-4" />
                <span className="flex flex-col">
                  {t(item)}
                  {reason ? <span className="text-xs text-slate-500">{t(reason)}</span> : null}
                </span>
              </DropdownMenuItem>
            );
          })}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
