// Which messages reach the browser. Server components translate with the whole catalog
// (getTranslations); client components only see what the nearest <ClientMessages group> hands
// them, so a page's HTML carries a few namespaces instead of the whole catalog.
// __tests__/unit/client-messages.test.ts reads every client component under each group and fails
// when one uses a key its group leaves out, or when a group sends a namespace none of them uses.
import type { AbstractIntlMessages } from "next-intl";

export const CLIENT_MESSAGES = {
  /** app/error.tsx, under the root layout. */
  root: ["errorPage"],
  staffSignIn: ["signIn", "errors"],
  userMenu: ["nav"],
  studentList: [
    "students",
    "filters",
    "access",
    "errors",
    "student",
    "relationship",
    // The selection bar and its summary dialog; the rest of "bulk" is the progress page's.
    "bulk.selectRow",
    "bulk.selectPage",
    "bulk.selected",
    "bulk.selectAllMatching",
    "bulk.allMatchingSelected",
    "bulk.tooManyToSelect",
    "bulk.clear",
    "bulk.button",
    "bulk.summaryTitle",
    "bulk.summaryLoading",
    "bulk.willReceive",
    "bulk.willEnable",
    "bulk.skippedTitle",
    "bulk.skipped",
    "bulk.skippedOthers",
    "bulk.openProfile",
    "bulk.withPassword",
    "bulk.includeWithPassword",
    "bulk.replaceNote",
    "bulk.confirm",
    // « Relancer » and its dialog.
    "bulk.remindButton",
    "bulk.reminder",
  ],
  /** A student's profile and its Espace étudiant tab (their layout). */
  studentProfile: ["access", "errors", "relationship", "student.noEmail", "student.invalidEmail"],
  bulkProgress: ["bulk"],
  portalSignIn: ["portal.signIn", "errors"],
  requestLink: ["portal.requestLink", "errors"],
  changePassword: ["portal.changePassword", "activation.rules", "errors"],
  choosePassword: ["activation", "portal.requestLink", "errors"],
  /** « Paramètres des établissements »: each school's form. */
  schoolSettings: ["schoolSettings", "errors"],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessagesGroup = keyof typeof CLIENT_MESSAGES;

/** The parts of `messages` named by dotted paths ("access", "portal.signIn"), nested as in the catalog. */
export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  // Sorted, a namespace comes before the keys inside it, which it already brings.
  const sorted = [...paths].sort();
  sorted.forEach((path, index) => {
    if (sorted.slice(0, index).some((earlier) => path.startsWith(`${earlier}.`))) return;
    const keys = path.split(".");
    let source: AbstractIntlMessages | string | undefined = messages;
    let target = picked;
    keys.forEach((key, depth) => {
      source = typeof source === "object" ? source[key] : undefined;
      if (source === undefined) throw new Error(`No message or namespace "${path}" in the catalog`);
      if (depth === keys.length - 1) target[key] = source;
      else target = (target[key] ??= {}) as AbstractIntlMessages;
    });
  });
  return picked;
}
