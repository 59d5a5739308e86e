import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StudentInformation } from "@/components/students/student-information";
import { hasRight, RIGHTS } from "@/lib/rights";
import { loadStudentOr404 } from "./load-student";

type Props = { params: Promise<{ studentId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { student } = await loadStudentOr404(params);
  const t = await getTranslations("student.tabs");
  return { title: `${student.firstName} ${student.lastName} · ${t("information")}` };
}

export default async function StudentInformationPage({ params }: Props) {
  const { staff, student } = await loadStudentOr404(params);
  return <StudentInformation student={student} canEdit={hasRight(staff, RIGHTS.editStudent)} staffEmail={staff.email} />;
}
