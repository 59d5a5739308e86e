import "server-only";
import { z } from "zod";
import { isDatabaseBusy } from "@/lib/db/errors";
import { failure, type ActionResult } from "@/lib/errors";
import { hasRight, type Right, type StaffContext } from "@/lib/rights";
import { logError } from "@/lib/log";

/** The caller: known already (tests), or loaded from the session (the "use server" entry points). */
export type Caller = StaffContext | null | (() => Promise<StaffContext | null>);

/**
 * The one shape of every server action: parse the input with its schema, check the caller's right,
 * run the handler, and turn anything unexpected into a generic error (logged, never sent to the client).
 * Loading the caller happens inside, so a database that is busy while reading the session gives the
 * same clear answer as one busy during the work.
 */
export function defineAction<Schema extends z.ZodType, Data>(
  config: { name: string; schema: Schema; right: Right },
  handler: (staff: StaffContext, input: z.infer<Schema>) => Promise<ActionResult<Data>>,
) {
  return async (caller: Caller, rawInput: unknown): Promise<ActionResult<Data>> => {
    const parsed = config.schema.safeParse(rawInput);
    if (!parsed.success) {
      return failure("invalid_input", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
    }
    try {
      const staff = typeof caller === "function" ? await caller() : caller;
      if (!staff) return failure("unauthenticated");
      if (!hasRight(staff, config.right)) return failure("forbidden");
      return await handler(staff, parsed.data);
    } catch (error) {
      return unexpectedFailure(config.name, error);
    }
  };
}

/** What an action answers when something unexpected happened: logged, and told without detail. */
export function unexpectedFailure(actionName: string, error: unknown): ActionResult<never> {
  logError(`action ${actionName}`, error);
  return failure(isDatabaseBusy(error) ? "database_busy" : "internal");
}
