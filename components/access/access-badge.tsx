import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { AccessState } from "@/lib/access/state";

const TONES = { none: "neutral", invited: "info", expired: "warning", active: "success", disabled: "danger" } as const;

/** The access state as the same badge everywhere a person appears. */
export function AccessBadge({ state }: { state: AccessState }) {
  const t = useTranslations("access.states");
  return <Badge tone={TONES[state]}>{t(state)}</Badge>;
}
