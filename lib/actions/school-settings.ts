"use server";
// Server actions are public endpoints: each is a pipeline built in ./handlers (caller, schema,
// handler, errors, revalidation), exposed here with the caller loaded from the request.
import * as schoolSettings from "./handlers/school-settings";

export const updateSchoolSettings = schoolSettings.updateSchoolSettings.serve;
