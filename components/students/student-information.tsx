import { useTranslations } from "next-intl";
import { AccessBadge } from "@/components/access/access-badge";
import { PersonMoreMenu } from "@/components/access/person-more-menu";
import { SharedAddressNotice } from "@/components/access/shared-address-notice";
import { Card } from "@/components/ui/card";
import type { AccessState } from "@/lib/access/state";
import type { StudentDetails } from "@/lib/data/students";
import { emailStatus } from "@/lib/access/email-address";
import { GuardianFacts, relationshipKey, StudentFacts } from "./student-details";
import { StudentOtherChildren } from "./student-other-children";

type Editing = { canEdit: boolean; staffEmail: string };

function CardHeading({
  id,
  label,
  title,
  state,
  menu,
}: {
  id: string;
  label: string;
  title: string;
  state: AccessState;
  menu: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-2">
      <div>
        <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</p>
        <h2 id={id} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
          {title} <AccessBadge state={state} />
        </h2>
      </div>
      {menu}
    </div>
  );
}

/** The profile's Informations page: the student, then one card per parent, each with its "Plus" menu. */
export function StudentInformation({ student, canEdit, staffEmail }: { student: StudentDetails } & Editing) {
  const t = useTranslations();
  const studentName = `${student.firstName} ${student.lastName}`;
  const menu = (
    ref: { studentId: string; guardianId?: string },
    name: string,
    { email, locale, accessState, sharedWith }: Pick<StudentDetails, "email" | "locale" | "accessState" | "sharedWith">,
  ) =>
    canEdit ? (
      <PersonMoreMenu
        person={{ ref, name, email, locale, state: accessState, hasPassword: false, sharedWith }}
        emailStatus={emailStatus(email)}
        staffEmail={staffEmail}
        items={["resend", "editEmail"]}
      />
    ) : null;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card aria-labelledby="student-card" className="md:col-span-2">
        <CardHeading
          id="student-card"
          label={t("student.studentCard")}
          title={studentName}
          state={student.accessState}
          menu={menu({ studentId: student.id }, studentName, student)}
        />
        <div className="mt-2">
          <StudentFacts student={student} />
        </div>
        {emailStatus(student.email) === "valid" ? (
          <SharedAddressNotice name={studentName} state={student.accessState} sharedWith={student.sharedWith} className="mt-3" />
        ) : null}
      </Card>
      {student.guardians.length === 0 ? (
        <Card className="md:col-span-2">
          <h2 className="text-lg font-semibold">{t("student.parents")}</h2>
          <p className="mt-2 text-sm text-slate-600">{t("student.noParents")}</p>
        </Card>
      ) : (
        student.guardians.map((guardian) => {
          const name = `${guardian.firstName} ${guardian.lastName}`;
          return (
            <Card key={guardian.id} aria-labelledby={`guardian-${guardian.id}`}>
              <CardHeading
                id={`guardian-${guardian.id}`}
                label={t(relationshipKey(guardian.relationship))}
                title={name}
                state={guardian.accessState}
                menu={menu({ studentId: student.id, guardianId: guardian.id }, name, guardian)}
              />
              <div className="mt-2">
                <GuardianFacts guardian={guardian} />
              </div>
              <StudentOtherChildren otherChildren={guardian.otherChildren} className="mt-3" />
              {emailStatus(guardian.email) === "valid" ? (
                <SharedAddressNotice name={name} state={guardian.accessState} sharedWith={guardian.sharedWith} className="mt-3" />
              ) : null}
            </Card>
          );
        })
      )}
    </div>
  );
}
