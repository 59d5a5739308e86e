"use client";
import { CheckCircle2, X } from "lucide-react";
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";

const NoticeContext = createContext<(message: string) => void>(() => {});

/** Confirms a finished action with a short message, announced to screen readers, gone after a while. */
export function NoticeProvider({ closeLabel, children }: { closeLabel: string; children: ReactNode }) {
  const [message, setMessage] = useState<{ text: string; key: number } | null>(null);
  const notify = useCallback((text: string) => setMessage({ text, key: Date.now() }), []);

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), 8000);
    return () => clearTimeout(timer);
  }, [message]);

  // While shown, the page gets room below its end for the notice, so that the last card's buttons can
  // always be scrolled above it instead of lying under it.
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const height = message ? (box.current?.offsetHeight ?? 0) : 0;
    if (!height) return;
    const previous = document.body.style.paddingBottom;
    document.body.style.paddingBottom = `${height + 32}px`;
    return () => {
      document.body.style.paddingBottom = previous;
    };
  }, [message]);

  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <div ref={box} role="status" aria-live="polite" className="fixed right-4 bottom-4 z-50 max-w-sm">
        {message ? (
          <div key={message.key} className="flex items-start gap-2 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg">
            <CheckCircle2 aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-emerald-400" />
            <span className="flex-1">{message.text}</span>
            <button type="button" aria-label={closeLabel} onClick={() => setMessage(null)} className="rounded p-0.5 hover:bg-slate-700">
              <X aria-hidden className="h-4 w-4" />
            </button>
          </div>
        ) : null}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotice() {
  return useContext(NoticeContext);
}
