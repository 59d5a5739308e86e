"use server";
import * as staffSession from "./handlers/staff-session";

export const endStaffSession = staffSession.endStaffSession.serve;
