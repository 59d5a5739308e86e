import { Languages } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { chooseLocale } from "@/lib/actions/locale";
import { LOCALE_NAMES, LOCALES, toLocale } from "@/lib/i18n/locales";

/**
 * « English » on a French page, « Français » on an English one: a form, so it works before the page's
 * scripts have loaded. The server remembers the choice (lib/actions/handlers/locale.ts) and the page
 * comes back in that language, at the same address.
 */
export async function LanguageSwitch({ className, compact = false }: { className?: string; compact?: boolean }) {
  const current = toLocale(await getLocale());
  const t = await getTranslations("language");
  return (
    <form action={chooseLocale} className={className}>
      {LOCALES.filter((locale) => locale !== current).map((locale) => (
        <Button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          variant="ghost"
          size="sm"
          lang={locale}
          title={t("switch")}
          className="whitespace-nowrap"
        >
          <Languages aria-hidden className="h-4 w-4" />
          {/* Compact (the staff header): on a phone only the icon shows; the name is still the button's name. */}
          <span className={compact ? "max-sm:sr-only" : undefined}>{LOCALE_NAMES[locale]}</span>
        </Button>
      ))}
    </form>
  );
}
