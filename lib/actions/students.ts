"use server";
import * as students from "./handlers/students";

export const previewStudent = students.previewStudent.serve;
