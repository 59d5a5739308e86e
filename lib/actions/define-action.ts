import "server-only";
import { z } from "zod";
import { failure, type ActionResult } from "@/lib/errors";
import { hasRight, type Right, type StaffContext } from "@/lib/rights";
import { logError } from "@/lib/log";

/**
 * The one shape of every server action: parse the input with its schema, check the caller's right,
 * run the handler, and turn anything unexpected into a generic error (logged, never sent to the client).
 * The returned function takes the caller explicitly so tests can run it for any staff member;
 * the "use server" entry points pass `await getStaff()`.
 */
export function defineAction<Schema extends z.ZodType, Data>(
  config: { name: string; schema: Schema; right: Right },
  handler: (staff: StaffContext, input: z.infer<Schema>) => Promise<ActionResult<Data>>,
) {
  return async (staff: StaffContext | null, rawInput: unknown): Promise<ActionResult<Data>> => {
    const parsed = config.schema.safeParse(rawInput);
    if (!parsed.success) {
      return failure("invalid_input", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
    }
    if (!staff) return failure("unauthenticated");
    if (!hasRight(staff, config.right)) return failure("forbidden");
    try {
      return await handler(staff, parsed.data);
    } catch (error) {
      logError(`action ${config.name}`, error);
      return failure("internal");
    }
  };
}
