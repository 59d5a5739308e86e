import { elided } from "@/lib/i18n/elision";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import type { StudentDetails } from "@/lib/data/students";
import { STUDENTS_PATH, studentPath, studentPortalPath } from "@/lib/routes";
import { ProfileTabs } from "./profile-tabs";

export function StudentHeader({ student }: { student: StudentDetails }) {
  const t = useTranslations();
  const fullName = `${student.firstName} ${student.lastName}`;
  return (
    <header>
      <nav aria-label={t("student.breadcrumb")} className="text-sm">
        <Link href={STUDENTS_PATH} className="text-indigo-800 underline underline-offset-2 hover:no-underline">
          {t("student.backToList")}
        </Link>
        <span aria-hidden className="px-2 text-slate-400">
          /
        </span>
        {/* Not aria-current: the profile tab below is the current page's link. */}
        <span className="text-slate-600">{fullName}</span>
      </nav>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <Avatar
          size="lg"
          firstName={student.firstName}
          lastName={student.lastName}
          photoUrl={student.photoUrl}
          alt={t("students.photoOf", elided(fullName))}
        />
        <div>
          <h1 className="text-2xl font-semibold">{fullName}</h1>
          <p className="text-sm text-slate-600">
            {t("student.studentNumber", { number: student.studentNumber })} · {student.school.name} · {student.program.name} ·{" "}
            {student.className}
          </p>
        </div>
      </div>
      <ProfileTabs
        label={t("student.tabs.label")}
        tabs={[
          { href: studentPath(student.id), label: t("student.tabs.information") },
          { href: studentPortalPath(student.id), label: t("student.tabs.studentSpace") },
        ]}
      />
    </header>
  );
}
