import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PersonAccessSection } from "@/components/access/person-access-section";
import { RefreshWhileSending } from "@/components/access/refresh-while-sending";
import { getStudentAccessOverview } from "@/lib/data/access-overview";
import { hasRight, RIGHTS } from "@/lib/rights";
import { loadStudentOr404 } from "../load-student";

type Props = { params: Promise<{ studentId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { student } = await loadStudentOr404(params);
  const t = await getTranslations("student.tabs");
  return { title: `${student.firstName} ${student.lastName} · ${t("studentSpace")}` };
}

export default async function StudentSpacePage({ params }: Props) {
  const { staff, student } = await loadStudentOr404(params);
  const overview = await getStudentAccessOverview(staff, student.id);
  if (!overview) notFound();
  const canEdit = hasRight(staff, RIGHTS.editStudent);
  const t = await getTranslations("access");
  return (
    <section aria-labelledby="student-space-title" className="flex flex-col gap-4">
      <h2 id="student-space-title" className="sr-only">
        {t("title")}
      </h2>
      <RefreshWhileSending
        active={[overview.student, ...overview.guardians].some(
          (person) => person.lastEmail?.status === "pending" || person.lastEmail?.status === "sending",
        )}
      />
      {canEdit ? null : <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t("readOnly")}</p>}
      <PersonAccessSection view={overview.student} staffEmail={staff.email} canEdit={canEdit} />
      {overview.guardians.map((guardian) => (
        <PersonAccessSection
          key={guardian.ref.guardianId}
          view={guardian}
          staffEmail={staff.email}
          canEdit={canEdit}
          family={{
            studentName: `${student.firstName} ${student.lastName}`,
            otherChildren: student.guardians.find((entry) => entry.id === guardian.ref.guardianId)?.otherChildren ?? [],
          }}
        />
      ))}
    </section>
  );
}
