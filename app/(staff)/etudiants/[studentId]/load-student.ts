import "server-only";
import { notFound } from "next/navigation";
import { requireRight } from "@/lib/auth";
import { getStudentDetails } from "@/lib/data/students";
import { RIGHTS } from "@/lib/rights";
import { ZId } from "@/lib/validation/ids";

/** The profile's student for the signed-in staff member; unknown, malformed or another school's id: 404. */
export async function loadStudentOr404(params: Promise<{ studentId: string }>) {
  const staff = await requireRight(RIGHTS.viewStudent);
  const id = ZId.safeParse((await params).studentId);
  const student = id.success ? await getStudentDetails(staff, id.data) : null;
  if (!student) notFound();
  return { staff, student };
}
