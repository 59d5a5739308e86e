"use client";
import { useRef, useState } from "react";
import {
  failure,
  shapeOf,
  type ActionFailure,
  type ActionResult,
  type AppErrorShape,
  type ErrorCode,
  type FieldErrors,
} from "@/lib/errors";
import { useNotice } from "./notice";

type Options<Data> = {
  /** After a success, e.g. close the dialog or go to the next page. */
  onSuccess?: (data: Data) => void | Promise<void>;
  /** The confirmation shown in the notice (toast) after a success. */
  notice?: (data: Data) => string;
  /** Stay busy after a success: the page is about to change, a second submit must not slip in. */
  busyAfterSuccess?: boolean;
  /** Shown instead of "internal", "database_busy" and "network" (the sign-in forms say "momentanément impossible"). */
  unavailable?: ErrorCode;
};

const UNAVAILABLE: ErrorCode[] = ["internal", "database_busy", "network"];

/**
 * The one way a client component calls a server action: pending state, a guard against double
 * submits, the error of the vocabulary and its field errors (put in French by useErrorMessage), and the
 * success notice.
 * A call that gets no answer is the "network" error.
 */
export function useAction<Input, Data>(action: (input: Input) => Promise<ActionResult<Data>>, options: Options<Data> = {}) {
  const notify = useNotice();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionFailure | null>(null);
  const inFlight = useRef(false);

  async function execute(input: Input): Promise<ActionResult<Data> | null> {
    // A double click lands before React re-renders the disabled button: ignore the second one.
    if (inFlight.current) return null;
    inFlight.current = true;
    setPending(true);
    setResult(null);
    let answer: ActionResult<Data>;
    try {
      answer = await action(input);
    } catch {
      answer = failure("network");
    }
    if (answer.ok) {
      if (options.notice) notify(options.notice(answer.data));
      await options.onSuccess?.(answer.data);
      if (options.busyAfterSuccess) return answer;
    } else {
      setResult(answer);
    }
    inFlight.current = false;
    setPending(false);
    return answer;
  }

  const error: AppErrorShape | null = result ? unavailableAs(shapeOf(result), options.unavailable) : null;
  const fieldErrors: FieldErrors | undefined = result?.fieldErrors;
  return { execute, pending, error, fieldErrors, reset: () => setResult(null) };
}

function unavailableAs(error: AppErrorShape, code: ErrorCode | undefined): AppErrorShape {
  return code && UNAVAILABLE.includes(error.code) ? ({ code } as AppErrorShape) : error;
}
