// The one vocabulary of failures: every error an action, a sign-in or a form can show is a code of
// this list, with the payload its message needs. The French text of each lives in the catalog under
// `errors.<code>` (messages/fr.json), translated in one place (components/ui/error-message.ts). Pure: the browser
// imports it too. docs/decisions/008-action-pipeline-and-errors.md says why it is one list.

/** Why a password is refused; each has its sentence under `errors.password.<problem>`. */
export type PasswordProblem = "too_short" | "too_long" | "too_common" | "contains_personal";
/** A password field's problems, including what the form itself checks (empty, two different entries). */
export type PasswordFieldProblem = PasswordProblem | "required" | "mismatch";

/**
 * Why an activation link does not work, as its page says it (`errors.link.<reason>`). A link revoked
 * by a deactivation says "disabled", one revoked because a password was chosen with another link
 * says "password_set".
 */
export const LINK_FAILURES = ["malformed", "unknown", "used", "revoked", "password_set", "disabled", "expired"] as const;
export type LinkFailure = (typeof LINK_FAILURES)[number];

/**
 * Why a bulk send passes over a person, stored as the item's outcome (so the values stay as they
 * are in the database) and counted under `bulk.skipped.<reason>`. An activation send skips for the
 * first four; a reminder run also skips people whose access was never enabled or is already active.
 */
export type ActivationSkipReason = "missing_email" | "invalid_email" | "disabled" | "email_in_use";
export type SkipReason = ActivationSkipReason | "not_enabled" | "active";

type None = Record<never, never>;

/** Every error code, with the payload its message needs (None when the code says it all). */
export type ErrorPayloads = {
  // Any action.
  invalid_input: None;
  unauthenticated: None;
  forbidden: None;
  not_found: None;
  internal: None;
  database_busy: None;
  /** The browser got no answer (set by the client, never sent by the server). */
  network: None;
  // Staff: a person's access.
  missing_email: None;
  invalid_email: None;
  already_enabled: None;
  /** A reminder to a person who has already chosen a password. */
  already_active: None;
  not_enabled: None;
  access_disabled: None;
  same_email: None;
  email_in_use: None;
  conflict: None;
  too_many_students: None;
  // Signing in, staff and portal.
  invalid_credentials: None;
  credentials_required: None;
  sign_in_unavailable: None;
  too_many_attempts: { minutes: number };
  // The espace étudiant.
  account_disabled: None;
  session_expired: None;
  session_ended: None;
  wrong_current_password: None;
  too_many_password_attempts: { minutes: number };
  email_required: None;
  email_malformed: None;
  weak_password: { problems: PasswordFieldProblem[] };
  link_unusable: { reason: LinkFailure };
};

export type ErrorCode = keyof ErrorPayloads;

/** One failure: its code and, for the codes that have one, its payload. */
export type AppErrorShape = {
  [Code in ErrorCode]: keyof ErrorPayloads[Code] extends never ? { code: Code } : { code: Code } & ErrorPayloads[Code];
}[ErrorCode];

type PayloadArgument<Code extends ErrorCode> = keyof ErrorPayloads[Code] extends never ? [] : [payload: ErrorPayloads[Code]];

/**
 * The one error class: thrown by a handler (or the data it calls) to answer with `code`, caught by
 * the action pipeline and turned into `{ ok: false, error: code, ...payload }`. Anything else thrown
 * is unexpected: logged, and answered "internal" without detail.
 */
export class AppError<Code extends ErrorCode = ErrorCode> extends Error {
  readonly code: Code;
  readonly payload: ErrorPayloads[Code];
  readonly fieldErrors?: FieldErrors;

  constructor(code: Code, ...[payload]: PayloadArgument<Code>) {
    super(code);
    this.name = "AppError";
    this.code = code;
    this.payload = (payload ?? {}) as ErrorPayloads[Code];
  }

  /** Input refused field by field; each field's codes are translated by its form. */
  static invalidInput(fieldErrors: FieldErrors): AppError<"invalid_input"> {
    const error = new AppError("invalid_input");
    (error as { fieldErrors?: FieldErrors }).fieldErrors = fieldErrors;
    return error;
  }

  toShape(): AppErrorShape {
    return { code: this.code, ...this.payload } as AppErrorShape;
  }
}

/** Field name → the codes of its problems (error codes, or password problems for a password field). */
export type FieldErrors = Record<string, string[]>;

/** What every action answers: its data, or one error of the vocabulary with its payload. */
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;
export type ActionFailure = { [Code in ErrorCode]: { ok: false; error: Code; fieldErrors?: FieldErrors } & ErrorPayloads[Code] }[ErrorCode];

export function success<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function failure<Code extends ErrorCode>(code: Code, ...[payload]: PayloadArgument<Code>): ActionFailure {
  return { ok: false, error: code, ...(payload ?? {}) } as ActionFailure;
}

/** The failure an AppError answers with. */
export function failureOf(error: AppError): ActionFailure {
  return {
    ok: false,
    error: error.code,
    ...error.payload,
    ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
  } as ActionFailure;
}

/** The shape of a failure, without the `ok` and field errors the translation does not need. */
export function shapeOf(result: ActionFailure): AppErrorShape {
  const { ok: _ok, error, fieldErrors: _fieldErrors, ...payload } = result;
  return { code: error, ...payload } as AppErrorShape;
}

// next-auth's credentials sign-in is not a server action: it passes a thrown error's message to the
// form as a string. These two functions are that string's only writer and reader.
const TRANSPORT_SEPARATOR = ":";

/** An error as the text next-auth carries: `code` or `code:minutes`. */
export function encodeSignInError(error: AppErrorShape): string {
  return "minutes" in error ? `${error.code}${TRANSPORT_SEPARATOR}${error.minutes}` : error.code;
}

/**
 * What the staff sign-in form shows for next-auth's answer: an error of ours it carried, its own
 * "CredentialsSignin" (wrong credentials), or "unavailable" for anything else.
 */
export function decodeSignInError(result: { error?: string | null; status?: number } | undefined): AppErrorShape {
  const [code, minutesText] = (result?.error ?? "").split(TRANSPORT_SEPARATOR);
  if (code === "too_many_attempts") {
    const minutes = Number.parseInt(minutesText ?? "", 10);
    return { code, minutes: Number.isFinite(minutes) && minutes > 0 ? minutes : 15 };
  }
  if (code === "CredentialsSignin" || code === "invalid_credentials" || result?.status === 401) return { code: "invalid_credentials" };
  return { code: "sign_in_unavailable" };
}
