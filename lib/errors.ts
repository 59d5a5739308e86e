// The few error codes an action can return. The French text for each lives in the message catalog
// under `errors.<code>`, so the UI shows one clear sentence and never a stack trace.

export const ERROR_CODES = [
  "invalid_input",
  "unauthenticated",
  "forbidden",
  "not_found",
  "internal",
  "database_busy",
  "missing_email",
  "invalid_email",
  "already_enabled",
  "not_enabled",
  "access_disabled",
  "same_email",
  "email_in_use",
  "too_many",
  "conflict",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: ErrorCode; fieldErrors?: Record<string, string[]> };

export function success<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function failure(error: ErrorCode, fieldErrors?: Record<string, string[]>): ActionResult<never> {
  return fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error };
}
