import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { ClientMessages } from "@/components/layout/client-messages";
import { ChangePasswordForm } from "@/components/portal/change-password-form";
import { WelcomeNotice } from "@/components/portal/welcome-notice";
import { Card } from "@/components/ui/card";
import { loadPortalHome, type PortalStudent } from "@/lib/data/portal-accounts";
import { requirePortalSession } from "@/lib/portal/session";
import { portalSignInPath, readPortalHomeParams } from "@/lib/routes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portal");
  return { title: t("name") };
}

/** The student's or parent's home; a session that no longer stands (disabled, new password or link) ends here. */
export default async function PortalHomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { welcome } = readPortalHomeParams(await searchParams);
  const session = await requirePortalSession();
  // The session can end between the check and the reading: the same answer as an ended session.
  const home = await loadPortalHome(session);
  if (!home) redirect(portalSignInPath({ expired: true }));
  const t = await getTranslations("portal.home");
  return (
    <>
      {welcome && home.email ? (
        <WelcomeNotice>{t(welcome === "reset" ? "welcomeReset" : "welcome", { email: home.email })}</WelcomeNotice>
      ) : null}
      <h1 className="text-2xl font-semibold">{t("greeting", { name: home.name })}</h1>
      {home.kind === "student" ? (
        <>
          <h2 className="text-lg font-semibold">{t("studentIntro")}</h2>
          <StudentCard student={home.student} />
        </>
      ) : (
        <>
          <h2 className="text-lg font-semibold">{t("guardianIntro", { count: home.children.length })}</h2>
          {home.children.map((child) => (
            <StudentCard key={`${child.firstName}-${child.lastName}-${child.className}`} student={child} withName />
          ))}
        </>
      )}
      <Card>
        <ClientMessages group="changePassword">
          <ChangePasswordForm />
        </ClientMessages>
      </Card>
    </>
  );
}

async function StudentCard({ student, withName = false }: { student: PortalStudent; withName?: boolean }) {
  const t = await getTranslations("portal.home");
  const rows: [string, string][] = [
    [t("school"), student.school],
    [t("program"), student.program],
    [t("class"), student.className],
    [t("schoolYear"), student.schoolYear],
    [t("email"), student.email ?? t("noEmail")],
  ];
  const headingId = withName ? `enfant-${student.firstName}-${student.lastName}-${student.className}`.replace(/\W+/g, "-") : undefined;
  return (
    <Card aria-labelledby={headingId}>
      {withName ? <h3 id={headingId} className="text-base font-semibold">{`${student.firstName} ${student.lastName}`}</h3> : null}
      {/* One column on a phone; a long address breaks anywhere rather than widen the page. */}
      <dl className="mt-2 grid grid-cols-1 gap-y-1 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="min-w-0 [overflow-wrap:anywhere]">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
