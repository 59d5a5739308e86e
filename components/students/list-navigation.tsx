"use client";
import { usePathname, useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useTransition, type ReactNode } from "react";
import { studentListSearchParams } from "@/lib/students/list-params";
import type { TStudentListQuery } from "@/lib/validation/students";

type Navigate = (update: Partial<TStudentListQuery>, mode?: "push" | "replace") => void;

const StudentListContext = createContext<{ query: TStudentListQuery; isPending: boolean; navigate: Navigate } | null>(null);

/**
 * Owns the list state kept in the URL: every control calls navigate(), which merges its change into
 * the latest requested state (so a filter chosen while a search is in flight keeps the search),
 * goes back to page 1 unless told otherwise, and renders on the server inside a transition.
 */
export function StudentListNavigation({ query, children }: { query: TStudentListQuery; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const latest = useRef(query);

  useEffect(() => {
    latest.current = query;
  }, [query]);

  const navigate: Navigate = (update, mode = "push") => {
    const next = { ...latest.current, page: 1, ...update };
    latest.current = next;
    const search = studentListSearchParams(next).toString();
    startTransition(() => {
      router[mode](search ? `${pathname}?${search}` : pathname, { scroll: false });
    });
  };

  return <StudentListContext.Provider value={{ query, isPending, navigate }}>{children}</StudentListContext.Provider>;
}

export function useStudentList() {
  const context = useContext(StudentListContext);
  if (!context) throw new Error("useStudentList must be used inside <StudentListNavigation>");
  return context;
}
