"use server";
import { getStaff } from "@/lib/auth";
import { previewStudentHandler } from "./handlers/students";

export async function previewStudent(input: unknown) {
  return previewStudentHandler(getStaff, input);
}
