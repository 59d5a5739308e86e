import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { StudentDetails } from "@/lib/data/students";
import { GuardianFacts, relationshipKey, StudentFacts } from "./student-details";

/** The profile's Informations page: the student, then one card per parent. */
export function StudentInformation({ student }: { student: StudentDetails }) {
  const t = useTranslations();
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card aria-labelledby="student-card" className="md:col-span-2">
        <h2 id="student-card" className="text-lg font-semibold">
          {t("student.studentCard")}
        </h2>
        <div className="mt-2">
          <StudentFacts student={student} />
        </div>
      </Card>
      {student.guardians.length === 0 ? (
        <Card className="md:col-span-2">
          <h2 className="text-lg font-semibold">{t("student.parents")}</h2>
          <p className="mt-2 text-sm text-slate-600">{t("student.noParents")}</p>
        </Card>
      ) : (
        student.guardians.map((guardian) => (
          <Card key={guardian.id} aria-labelledby={`guardian-${guardian.id}`}>
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t(relationshipKey(guardian.relationship))}</p>
            <h2 id={`guardian-${guardian.id}`} className="text-lg font-semibold">
              {guardian.firstName} {guardian.lastName}
            </h2>
            <div className="mt-2">
              <GuardianFacts guardian={guardian} />
            </div>
          </Card>
        ))
      )}
    </div>
  );
}
