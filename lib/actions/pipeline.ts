import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getStaff } from "@/lib/auth";
import { clientKeyOf } from "@/lib/client-key";
import { isDatabaseBusy } from "@/lib/db/errors";
import type { PortalSession } from "@/lib/data/portal-sessions";
import { takeSignInAttempt, type SignInScope } from "@/lib/data/rate-limits";
import { AppError, failure, failureOf, success, type ActionResult } from "@/lib/errors";
import { logError } from "@/lib/log";
import { readPortalCookie } from "@/lib/portal/session";
import { hasRight, type Right, type StaffContext } from "@/lib/rights";

// One pipeline, three doors (docs/decisions/008-action-pipeline-and-errors.md):
//   caller check → schema → [rate limit] → handler → error mapping → revalidate → typed result.
// A built action is called with its caller by the tests, and exposed by a "use server" file as
// `export const name = action.serve;`, which loads the caller from the request. The caller never
// comes from the client: a server action's arguments are whatever the client sends.

/** A caller known already (tests), or how to load it (the request's cookie). */
export type Caller<Who> = Who | (() => Promise<Who>);

/** A built action: the pipeline for a given caller, and `serve`, the server action's body. */
export type Action<Who, Data> = ((caller: Caller<Who>, input: unknown) => Promise<ActionResult<Data>>) & {
  serve: (input: unknown) => Promise<ActionResult<Data>>;
};

type Config<Schema extends z.ZodType, Context, Data> = {
  /** For the logs: the action's name. */
  name: string;
  schema: Schema;
  /** Pages whose data the action changes, refreshed after a success (only when served). */
  revalidate?: { path: string; type?: "layout" | "page" };
  /** Handlers return their data, or throw an AppError of the vocabulary. */
  handler: (input: z.infer<Schema>, context: Context) => Promise<Data>;
};

type ClientContext = { client: () => Promise<string> };

/** The brake on guessing: an attempt taken from `scope`'s allowance for `key` before the handler runs. */
type Limit<Input, Context> = { scope: SignInScope; key: (input: Input, context: Context) => string };

function guardOf<Input, Context extends ClientContext>(limit: Limit<Input, Context> | undefined) {
  return limit && (async (input: Input, context: Context) => spendAttempt(limit.scope, limit.key(input, context), await context.client()));
}

const TOO_MANY: Record<SignInScope, "too_many_attempts" | "too_many_password_attempts"> = {
  staff: "too_many_attempts",
  portal: "too_many_attempts",
  "portal-password": "too_many_password_attempts",
};

/** Takes one attempt; once the allowance is spent, throws the vocabulary's "too many" with the minutes to wait. */
export async function spendAttempt(scope: SignInScope, key: string, client: string): Promise<void> {
  const wait = await takeSignInAttempt(scope, key, client);
  if (wait > 0) throw new AppError(TOO_MANY[scope], { minutes: Math.ceil(wait / 60) });
}

/** A record the caller may not see answers "not_found", like an unknown one. */
export function orNotFound<T>(value: T | null): T {
  if (value === null) throw new AppError("not_found");
  return value;
}

/** The client's network address, the key of the per-client rate limits. */
export async function requestClient(): Promise<string> {
  const requestHeaders = await headers();
  return clientKeyOf((name) => requestHeaders.get(name));
}

function build<Who, Schema extends z.ZodType, Context, Data>(
  config: Config<Schema, Context, Data>,
  loadCaller: () => Promise<Who>,
  /** Checks the caller before the input is read: a failure, or the handler's context. */
  admit: (who: Who) => Promise<AppError | Context>,
  /** Runs between the schema and the handler: the rate limit of the portal and public doors. */
  guard?: (input: z.infer<Schema>, context: Context) => Promise<void>,
): Action<Who, Data> {
  const run = async (caller: Caller<Who>, rawInput: unknown): Promise<ActionResult<Data>> => {
    try {
      // Inside the try: a database busy while reading the session gets the same clear answer.
      const who = typeof caller === "function" ? await (caller as () => Promise<Who>)() : caller;
      const context = await admit(who);
      if (context instanceof AppError) return failureOf(context);
      const parsed = config.schema.safeParse(rawInput);
      if (!parsed.success) return failureOf(AppError.invalidInput(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>));
      await guard?.(parsed.data, context);
      return success(await config.handler(parsed.data, context));
    } catch (error) {
      // A handler's redirect() or notFound() is Next's to handle, not a failure.
      unstable_rethrow(error);
      if (error instanceof AppError) return failureOf(error);
      logError(`action ${config.name}`, error);
      return failure(isDatabaseBusy(error) ? "database_busy" : "internal");
    }
  };
  const serve = async (input: unknown) => {
    const result = await run(loadCaller, input);
    if (result.ok && config.revalidate) revalidatePath(config.revalidate.path, config.revalidate.type);
    return result;
  };
  return Object.assign(run, { serve });
}

/** A staff action: a signed-in staff member holding `right`, else "unauthenticated" or "forbidden". */
export function staffAction<Schema extends z.ZodType, Data>(right: Right, config: Config<Schema, { staff: StaffContext }, Data>) {
  return build<StaffContext | null, Schema, { staff: StaffContext }, Data>(config, getStaff, async (staff) => {
    if (!staff) return new AppError("unauthenticated");
    if (!hasRight(staff, right)) return new AppError("forbidden");
    return { staff };
  });
}

type PortalContext = ClientContext & { session: PortalSession };

/**
 * An espace étudiant action: the portal cookie names a session, else "session_ended" (whether the
 * session still stands is the data's call, in the same transaction as the work).
 */
export function portalAction<Schema extends z.ZodType, Data>(
  config: Config<Schema, PortalContext, Data> & { limit?: Limit<z.infer<Schema>, PortalContext> },
) {
  return build<PortalSession | null, Schema, PortalContext, Data>(
    config,
    readPortalCookie,
    async (session) => (session ? { session, client: requestClient } : new AppError("session_ended")),
    guardOf(config.limit),
  );
}

type PublicContext = ClientContext;

/**
 * A public action (anyone, e.g. the sign-in or an activation link). Its brake is the rate limit,
 * keyed by what is typed (the address) and the client: it runs once the input is read, before the handler.
 */
export function publicAction<Schema extends z.ZodType, Data>(
  config: Config<Schema, PublicContext, Data> & { limit?: Limit<z.infer<Schema>, PublicContext> },
) {
  return build<PublicContext, Schema, PublicContext, Data>(
    config,
    async () => ({ client: requestClient }),
    async (context) => context,
    guardOf(config.limit),
  );
}
