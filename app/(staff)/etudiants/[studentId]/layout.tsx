import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { StudentHeader } from "@/components/students/student-header";
import { loadStudentOr404 } from "./load-student";

export default async function StudentProfileLayout({ children, params }: { children: ReactNode; params: Promise<{ studentId: string }> }) {
  const { student } = await loadStudentOr404(params);
  return (
    <main id="contenu" className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <StudentHeader student={student} />
      {/* The tabs' messages come with the layout, sent once for both. Dates are on the student's
          school's clock, as in the emails its students and parents receive. */}
      <div className="mt-6">
        <ClientMessages group="studentProfile" timeZone={student.school.timeZone}>
          {children}
        </ClientMessages>
      </div>
    </main>
  );
}
