"use client";
import { elided } from "@/lib/i18n/elision";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { AccessBadge } from "@/components/access/access-badge";
import { Avatar } from "@/components/ui/avatar";
import { Button, buttonClasses } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { previewStudent } from "@/lib/actions/students";
import type { StudentDetails } from "@/lib/data/students";
import { errorMessage } from "@/components/ui/error-message";
import { shapeOf, type AppErrorShape } from "@/lib/errors";
import { studentPath } from "@/lib/routes";
import { GuardianFacts, relationshipKey, StudentFacts } from "./student-details";
import { StudentOtherChildren } from "./student-other-children";
import { ErrorAlert } from "@/components/ui/error-alert";

type State = { status: "loading" } | { status: "error"; error: AppErrorShape } | { status: "ready"; student: StudentDetails };

/** The Aperçu side panel: loads the student when opened, with loading and error states. */
export function StudentPreviewSheet({ studentId, onClose }: { studentId: string | null; onClose: () => void }) {
  const t = useTranslations();
  const [state, setState] = useState<State>({ status: "loading" });
  const request = useRef(0);

  const load = useCallback(async (id: string) => {
    const current = ++request.current;
    setState({ status: "loading" });
    try {
      const result = await previewStudent({ studentId: id });
      if (current !== request.current) return;
      setState(result.ok ? { status: "ready", student: result.data } : { status: "error", error: shapeOf(result) });
    } catch {
      if (current === request.current) setState({ status: "error", error: { code: "network" } });
    }
  }, []);

  useEffect(() => {
    if (studentId) void load(studentId);
  }, [studentId, load]);

  return (
    <Dialog open={studentId !== null} onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent placement="side" closeLabel={t("student.close")} aria-describedby={undefined}>
        {state.status === "ready" ? (
          <PreviewBody student={state.student} />
        ) : (
          <div className="p-6">
            <DialogTitle className="text-lg font-semibold">{t("student.previewTitle")}</DialogTitle>
            {state.status === "loading" ? (
              <div className="mt-6 flex flex-col gap-3" aria-busy="true">
                <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
                  <Spinner /> {t("student.previewLoading")}
                </p>
                <Skeleton round className="h-20 w-20" />
                <Skeleton className="h-5 w-2/3" />
                <Skeleton className="h-4 w-full" />
                <Skeleton className="h-4 w-5/6" />
              </div>
            ) : (
              <div className="mt-6 flex flex-col items-start gap-3">
                <ErrorAlert>{errorMessage(t, state.error)}</ErrorAlert>
                {state.error.code === "network" || state.error.code === "internal" ? (
                  <Button variant="secondary" onClick={() => studentId && load(studentId)}>
                    {t("student.retry")}
                  </Button>
                ) : null}
              </div>
            )}
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}

function PreviewBody({ student }: { student: StudentDetails }) {
  const t = useTranslations();
  const fullName = `${student.firstName} ${student.lastName}`;
  return (
    <div className="flex flex-1 flex-col gap-6 p-6">
      <div className="flex items-center gap-4 pr-8">
        <Avatar
          size="lg"
          firstName={student.firstName}
          lastName={student.lastName}
          photoUrl={student.photoUrl}
          alt={t("students.photoOf", elided(fullName))}
        />
        <div>
          <DialogTitle className="text-xl font-semibold">{fullName}</DialogTitle>
          <DialogDescription className="text-sm text-slate-600">
            {t("student.studentNumber", { number: student.studentNumber })}
          </DialogDescription>
          <p className="mt-1">
            <AccessBadge state={student.accessState} />
          </p>
        </div>
      </div>
      <StudentFacts student={student} />
      <section aria-labelledby="preview-parents">
        <h3 id="preview-parents" className="text-base font-semibold">
          {t("student.parents")}
        </h3>
        {student.guardians.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("student.noParents")}</p>
        ) : (
          <ul className="mt-2 flex flex-col gap-3">
            {student.guardians.map((guardian) => (
              <li key={guardian.id} className="rounded-md border border-slate-200 p-3">
                <p className="text-sm font-medium">
                  {guardian.firstName} {guardian.lastName}{" "}
                  <span className="font-normal text-slate-600">· {t(relationshipKey(guardian.relationship))}</span>{" "}
                  <AccessBadge state={guardian.accessState} />
                </p>
                <GuardianFacts guardian={guardian} />
                <StudentOtherChildren otherChildren={guardian.otherChildren} className="mt-2" />
              </li>
            ))}
          </ul>
        )}
      </section>
      <Link href={studentPath(student.id)} className={buttonClasses({ className: "mt-auto justify-center" })}>
        {t("student.goToProfile")}
      </Link>
    </div>
  );
}
