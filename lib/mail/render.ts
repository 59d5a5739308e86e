// Turns an email template into what the outbox stores and the worker sends: subject, HTML, text.
import { randomBytes } from "node:crypto";
import { render } from "@react-email/render";
import { accessEmailSubject, listNames, type AccessEmailProps, type EmailPurpose } from "@/emails/_components/access-email-layout";
import { elision } from "@/lib/i18n/elision";
import type { Locale } from "@/lib/i18n/locales";
import InvitationEmail from "@/emails/invitation-email";
import ReminderEmail from "@/emails/reminder-email";
import SelfResetEmail from "@/emails/self-reset-email";
import StaffResetEmail from "@/emails/staff-reset-email";

export type RenderedEmail = { subject: string; html: string; text: string };

/** What the outbox stores for one email and renders when it sends it: its purpose and what it says. */
export type ActivationEmailProps = AccessEmailProps & { purpose: EmailPurpose };

const TEMPLATES = { invitation: InvitationEmail, reminder: ReminderEmail, staff_reset: StaffResetEmail, self_reset: SelfResetEmail };

/** A full react-email render (2–5 ms): the reference that the template below reproduces byte for byte. */
export async function renderActivationEmailFully({ purpose, ...props }: ActivationEmailProps): Promise<RenderedEmail> {
  const element = TEMPLATES[purpose](props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: accessEmailSubject(purpose, props), html, text };
}

/**
 * The activation email for one recipient. A bulk send renders thousands of them, which differ only by
 * a few values: the email is rendered once per school, language and variant with markers in their place, and
 * each recipient's values (HTML-escaped as React escapes them) are put in the markers' place. A value
 * the text conversion would reshape (runs of white space, control characters) gets a full render.
 */
export async function renderActivationEmail(props: ActivationEmailProps): Promise<RenderedEmail> {
  const values = slotValues(props);
  if (!Object.values(values).every(substitutable)) return renderActivationEmailFully(props);
  const template = await templateFor(props);
  return { subject: template.subject, html: fill(template.html, values, escapeHtml), text: fill(template.text, values, (value) => value) };
}

type Slot = "recipientName" | "activationUrl" | "expiresAt" | "students" | "copyName" | "copyEmail";
type Template = { subject: string; html: Part[]; text: Part[] };
/** A template is literal text and slots, in order. */
type Part = string | { slot: Slot };

/** The values of the slots this variant of the email has. */
function slotValues(props: ActivationEmailProps): Partial<Record<Slot, string>> {
  return {
    recipientName: props.recipientName,
    activationUrl: props.activationUrl,
    expiresAt: props.expiresAt,
    ...(props.studentNames.length ? { students: listNames(props.studentNames, props.locale) } : {}),
    ...(props.copyOf ? { copyName: props.copyOf.name, copyEmail: props.copyOf.email } : {}),
  };
}

// Letters and digits only: neither React's escaping nor html-to-text changes them. The nonce, drawn
// per process, keeps a school's name from ever containing a marker.
const NONCE = randomBytes(8).toString("hex");
const SLOTS: Slot[] = ["recipientName", "activationUrl", "expiresAt", "students", "copyName", "copyEmail"];
const marker = (slot: Slot) => `sesame${NONCE}${slot}`;
const MARKERS = new RegExp(`(${SLOTS.map(marker).join("|")})`);

// html-to-text collapses these (its default `whitespaceCharacters`), also with the spaces around an
// empty value, and trims them at a block's edge; React's render drops NUL. Any other character goes
// through both unchanged.
const RESHAPED = /[\t\r\n\f\u200b\0]| {2}|^ | $|^$/;

function substitutable(value: string | undefined): boolean {
  return value === undefined || !RESHAPED.test(value);
}

/** What React's server renderer writes for a text or attribute value. */
function escapeHtml(value: string): string {
  return value.replace(/["&'<>]/g, (char) => ESCAPES[char]);
}
const ESCAPES: Record<string, string> = { '"': "&quot;", "&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;" };

function fill(parts: Part[], values: Partial<Record<Slot, string>>, encode: (value: string) => string): string {
  let out = "";
  for (const part of parts) out += typeof part === "string" ? part : encode(values[part.slot] ?? "");
  return out;
}

function toParts(rendered: string): Part[] {
  return rendered.split(MARKERS).map((piece, index) => (index % 2 === 1 ? { slot: piece.slice(`sesame${NONCE}`.length) as Slot } : piece));
}

// Schools and variants are few; the bound only guards against a pathological organisation.
const MAX_TEMPLATES = 200;
const templates = new Map<string, Promise<Template>>();

function templateFor(props: ActivationEmailProps): Promise<Template> {
  // What shapes the email beyond the slots: its purpose, language, school, the sign-in address,
  // whether it names students (and whether French elides « de » before them), whether it is a copy.
  const studentsElision = props.studentNames.length ? elision(props.studentNames[0]) : undefined;
  const key = JSON.stringify([props.purpose, props.locale, props.schoolName, props.signInUrl, studentsElision ?? null, !!props.copyOf]);
  let template = templates.get(key);
  if (!template) {
    if (templates.size >= MAX_TEMPLATES) templates.delete(templates.keys().next().value!);
    template = renderActivationEmailFully({
      purpose: props.purpose,
      locale: props.locale,
      schoolName: props.schoolName,
      signInUrl: props.signInUrl,
      recipientName: marker("recipientName"),
      // One name that is the marker: the list is formatted before it reaches the slot.
      studentNames: props.studentNames.length ? [marker("students")] : [],
      studentsElision,
      activationUrl: marker("activationUrl"),
      expiresAt: marker("expiresAt"),
      copyOf: props.copyOf ? { name: marker("copyName"), email: marker("copyEmail") } : undefined,
    }).then((rendered) => ({ subject: rendered.subject, html: toParts(rendered.html), text: toParts(rendered.text) }));
    template.catch(() => templates.delete(key));
    templates.set(key, template);
  }
  return template;
}

// British English: day before month and a 24-hour clock, as the French date beside it.
const DATE_LOCALES: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };
const expiryFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "2 décembre 2026 à 14:05" / "2 December 2026 at 14:05": the link's expiry in the recipient's
 * language, on the school's clock (School.timeZone), since the school's hours are what staff and
 * families go by.
 */
export function formatExpiry(date: Date, locale: Locale, timeZone: string): string {
  const key = `${locale} ${timeZone}`;
  let format = expiryFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALES[locale], { dateStyle: "long", timeStyle: "short", timeZone });
    expiryFormats.set(key, format);
  }
  return format.format(date);
}
