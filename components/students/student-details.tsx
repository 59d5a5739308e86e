import { useFormatter, useTranslations } from "next-intl";
import type { GuardianSummary, StudentDetails } from "@/lib/data/students";
import { emailStatus } from "@/lib/access/email-address";
import { LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";
import { EmailText } from "./email-text";

/** Birth dates are calendar dates stored at midnight UTC: format them in UTC so no day shifts. */
export function useBirthDate(iso: string): string {
  const format = useFormatter();
  return format.dateTime(new Date(iso), { dateStyle: "long", timeZone: "UTC" });
}

export function DetailRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

/** « Langue des emails »: the language named in itself (« English »), as the dialog that changes it offers it. */
function EmailLanguageRow({ locale }: { locale: Locale }) {
  const t = useTranslations("student");
  return (
    <DetailRow label={t("emailLanguage")}>
      <span lang={locale}>{LOCALE_NAMES[locale]}</span>
    </DetailRow>
  );
}

/** The student's own details, shared by the Aperçu panel and the profile. */
export function StudentFacts({ student }: { student: StudentDetails }) {
  const t = useTranslations("student");
  const birthDate = useBirthDate(student.birthDate);
  return (
    <dl>
      <DetailRow label={t("birthDate")}>{birthDate}</DetailRow>
      <DetailRow label={t("email")}>
        <EmailText email={student.email} status={emailStatus(student.email)} />
      </DetailRow>
      <EmailLanguageRow locale={student.locale} />
      <DetailRow label={t("phone")}>{student.phone ?? <span className="text-slate-500 italic">{t("noPhone")}</span>}</DetailRow>
      <DetailRow label={t("school")}>{student.school.name}</DetailRow>
      <DetailRow label={t("program")}>{student.program.name}</DetailRow>
      <DetailRow label={t("class")}>{student.className}</DetailRow>
      <DetailRow label={t("schoolYear")}>{student.schoolYear}</DetailRow>
    </dl>
  );
}

export function GuardianFacts({ guardian }: { guardian: GuardianSummary }) {
  const t = useTranslations();
  return (
    <dl>
      <DetailRow label={t("student.email")}>
        <EmailText email={guardian.email} status={emailStatus(guardian.email)} />
      </DetailRow>
      <EmailLanguageRow locale={guardian.locale} />
      <DetailRow label={t("student.phone")}>
        {guardian.phone ?? <span className="text-slate-500 italic">{t("student.noPhone")}</span>}
      </DetailRow>
    </dl>
  );
}

export { relationshipKey } from "./relationship";
