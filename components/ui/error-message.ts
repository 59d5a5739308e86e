"use client";
import { useTranslations } from "next-intl";
import type { AppErrorShape } from "@/lib/errors";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The one place an error becomes French: `errors.<code>` with its payload as the message's values;
 * a refused password lists its problems, an unusable link says why.
 */
export function errorMessage(t: Translate, error: AppErrorShape): string {
  if (error.code === "weak_password") return error.problems.map((problem) => t(`errors.password.${problem}`)).join(" ");
  if (error.code === "link_unusable") return t(`errors.link.${error.reason}`);
  const { code, ...values } = error;
  return t(`errors.${code}`, values as Record<string, number>);
}

/**
 * The sentence for a failure, or null: a field's problem code when the form shows it as its message
 * (e.g. the address typed), else the error itself.
 */
export function useErrorMessage() {
  const t = useTranslations();
  return (error: AppErrorShape | null, fieldCode?: string): string | null =>
    fieldCode ? t(`errors.${fieldCode}`) : error ? errorMessage(t, error) : null;
}
