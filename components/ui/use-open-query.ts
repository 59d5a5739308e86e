"use client";
import { useEffect, useState } from "react";
import { shapeOf, type ActionResult, type AppErrorShape } from "@/lib/errors";

export type OpenQuery<T> = { status: "loading" } | { status: "ready"; data: T } | { status: "error"; error: AppErrorShape };

/**
 * What a server action answers for a dialog while it is open (a summary, a history, a count): asked
 * each time the dialog opens or `key` changes. `key` stands for the input `load` sends; an answer that
 * arrives once the dialog has closed, or for an earlier input, is dropped. A lost connection is "network".
 */
export function useOpenQuery<T>(open: boolean, key: string, load: () => Promise<ActionResult<T>>): OpenQuery<T> {
  // The answer with the key it was asked for: another key's, or a previous opening's, is never shown.
  const [answer, setAnswer] = useState<{ key: string; state: OpenQuery<T> } | null>(null);
  useEffect(() => {
    if (!open) return;
    let current = true;
    load()
      .then((result) => {
        if (current)
          setAnswer({ key, state: result.ok ? { status: "ready", data: result.data } : { status: "error", error: shapeOf(result) } });
      })
      .catch(() => current && setAnswer({ key, state: { status: "error", error: { code: "network" } } }));
    return () => {
      current = false;
      setAnswer(null);
    };
    // `load` is a new function at each render; `key` says when what it asks for has changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, key]);
  return open && answer?.key === key ? answer.state : LOADING;
}

const LOADING = { status: "loading" } as const;
