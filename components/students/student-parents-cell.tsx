import { useTranslations } from "next-intl";
import { Tooltip } from "@/components/ui/tooltip";
import type { ListParent } from "@/lib/data/students";
import { relationshipKey } from "./relationship";

/**
 * The parents' access at a glance in a list row: « 1/2 parents actifs », with a tooltip naming each
 * parent, their relationship and their access state (read by screen readers as the button's
 * description); « Aucun parent » when none is registered.
 */
export function StudentParentsCell({ parents }: { parents: ListParent[] }) {
  const t = useTranslations();
  if (!parents.length) return <span className="text-slate-600">{t("students.parents.none")}</span>;
  const active = parents.filter((parent) => parent.accessState === "active").length;
  return (
    <Tooltip
      className={active === parents.length ? "text-emerald-800" : "text-slate-700"}
      content={
        <ul>
          {parents.map((parent, index) => (
            <li key={index}>
              {t("students.parents.person", {
                name: parent.name,
                relationship: t(relationshipKey(parent.relationship)),
                state: t(`access.states.${parent.accessState}`),
              })}
            </li>
          ))}
        </ul>
      }
    >
      {t("students.parents.active", { active, total: parents.length })}
    </Tooltip>
  );
}
