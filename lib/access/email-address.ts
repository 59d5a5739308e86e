// Pure (no zod), so client components can tell a valid address without shipping a schema library.
import isEmail from "validator/lib/isEmail";

export type EmailStatus = "missing" | "invalid" | "valid";

/** RFC 5321's limit for a whole address (a path is 256 octets, angle brackets included). */
export const EMAIL_MAX_LENGTH = 254;

/**
 * The one test of an address the app accepts, stores or sends to: validator.js's isEmail (local part
 * at most 64 octets, domain a real host name with a TLD, no display name, no IP literal). ASCII local
 * parts only: most mail servers still refuse SMTPUTF8 mailboxes.
 */
export function isValidEmail(value: string): boolean {
  return (
    value.length <= EMAIL_MAX_LENGTH &&
    isEmail(value, { allow_display_name: false, require_tld: true, allow_ip_domain: false, allow_utf8_local_part: false })
  );
}

/** Whether a stored address can receive mail: imported data may hold anything. */
export function emailStatus(email: string | null | undefined): EmailStatus {
  if (!email || !email.trim()) return "missing";
  return isValidEmail(email.trim()) ? "valid" : "invalid";
}
