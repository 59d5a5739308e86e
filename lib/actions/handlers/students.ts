import "server-only";
import { getStudentDetails, type StudentDetails } from "@/lib/data/students";
import { failure, success } from "@/lib/errors";
import { RIGHTS } from "@/lib/rights";
import { ZStudentPreviewInput } from "@/lib/validation/students";
import { defineAction } from "../define-action";

/** The Aperçu panel's data: a student outside the caller's schools is "not found", like an unknown one. */
export const previewStudentHandler = defineAction(
  { name: "previewStudent", schema: ZStudentPreviewInput, right: RIGHTS.viewStudent },
  async (staff, { studentId }) => {
    const student: StudentDetails | null = await getStudentDetails(staff, studentId);
    return student ? success(student) : failure("not_found");
  },
);
