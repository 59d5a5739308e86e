import "server-only";
import { getStudentDetails } from "@/lib/data/students";
import { RIGHTS } from "@/lib/rights";
import { ZStudentPreviewInput } from "@/lib/validation/students";
import { orNotFound, staffAction } from "../pipeline";

/** The Aperçu panel's data: a student outside the caller's schools is "not found", like an unknown one. */
export const previewStudent = staffAction(RIGHTS.viewStudent, {
  name: "previewStudent",
  schema: ZStudentPreviewInput,
  handler: async ({ studentId }, { staff }) => orNotFound(await getStudentDetails(staff, studentId)),
});
