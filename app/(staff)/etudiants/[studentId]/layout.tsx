import type { ReactNode } from "react";
import { StudentHeader } from "@/components/students/student-header";
import { loadStudentOr404 } from "./load-student";

export default async function StudentProfileLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ studentId: string }>;
}) {
  const { student } = await loadStudentOr404(params);
  return (
    <main id="contenu" className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <StudentHeader student={student} />
      <div className="mt-6">{children}</div>
    </main>
  );
}
