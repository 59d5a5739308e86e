import { z } from "zod";
import { isValidEmail } from "@/lib/access/email-address";

/** An address typed by someone: trimmed, then required and valid. Messages are catalog keys (errors.*). */
export const ZEmail = z
  .string({ message: "invalid_email" })
  .trim()
  .min(1, { message: "missing_email" })
  .refine(isValidEmail, { message: "invalid_email" });
