"use client";
import { Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { QUERY_MAX_LENGTH } from "@/lib/students/list-params";
import { useStudentList } from "./list-navigation";

export const SEARCH_DEBOUNCE_MS = 300;

/** The "Rechercher un étudiant" bar: searches as you type (debounced) and keeps focus while results load. */
export function StudentSearch() {
  const t = useTranslations("students");
  const { query, navigate, isPending } = useStudentList();
  const [value, setValue] = useState(query.query);
  const input = useRef<HTMLInputElement>(null);
  // The latest navigate, without restarting the debounce when it changes.
  const search = useEffectEvent((text: string) => navigate({ query: text }, "replace"));

  // Back/forward or a removed chip changes the URL: show it, unless the user is typing.
  useEffect(() => {
    if (document.activeElement !== input.current) setValue(query.query);
  }, [query.query]);

  useEffect(() => {
    if (value.trim() === query.query.trim()) return;
    const timer = setTimeout(() => search(value), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, query.query]);

  return (
    <div className="relative w-full max-w-md">
      <label htmlFor="student-search" className="sr-only">
        {t("searchLabel")}
      </label>
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 h-4 w-4 -translate-y-1/2 text-slate-500" />
      <Input
        ref={input}
        id="student-search"
        type="search"
        autoComplete="off"
        maxLength={QUERY_MAX_LENGTH}
        placeholder={t("searchPlaceholder")}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        className="pr-16 pl-9"
      />
      <span className="absolute top-1/2 right-2 flex -translate-y-1/2 items-center gap-1">
        {isPending ? <Spinner label={t("loading")} className="text-slate-500" /> : null}
        {value ? (
          <button
            type="button"
            aria-label={t("clearSearch")}
            onClick={() => {
              setValue("");
              input.current?.focus();
            }}
            className="rounded p-1 text-slate-500 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <X aria-hidden className="h-4 w-4" />
          </button>
        ) : null}
      </span>
    </div>
  );
}
