import { z } from "zod";
import { EMAIL_MAX_LENGTH, isValidEmail } from "@/lib/access/email-address";

// The espace étudiant's forms. Messages are codes of lib/errors.ts: error codes for the sign-in and
// the address, password problems (`errors.password.*`) for the password fields.

const REQUIRED = { message: "credentials_required" };

export const ZPortalSignIn = z.object({
  email: z.string(REQUIRED).trim().min(1, REQUIRED).max(EMAIL_MAX_LENGTH, REQUIRED),
  password: z.string(REQUIRED).min(1, REQUIRED).max(1024, REQUIRED),
});

/** The address a student or parent types to receive a new link. */
export const ZRequestLink = z.object({
  email: z
    .string({ message: "email_malformed" })
    .trim()
    .min(1, { message: "email_required" })
    .refine(isValidEmail, { message: "email_malformed" }),
});

// Anything unreadable in a password field is told as "type your password", as the form always did.
const password = (min: number) => z.string({ message: "required" }).min(min, { message: "required" }).max(1024, { message: "required" });

/** « Changer mon mot de passe »: the two new entries must match before anything is checked. */
export const ZChangePortalPassword = z
  .object({ current: password(1), next: password(1), confirmation: password(0) })
  .refine((input) => input.next === input.confirmation, { message: "mismatch", path: ["confirmation"] });
