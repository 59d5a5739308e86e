import { z } from "zod";

/** The activation form. Lengths are bounded here; the password rules live in lib/access/password-policy.ts. */
export const ZChoosePassword = z.object({
  token: z.string().max(100),
  password: z.string().min(1, { message: "required" }).max(1024, { message: "too_long" }),
  confirmation: z.string().max(1024),
});
