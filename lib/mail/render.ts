// Turns an email template into what the outbox stores and the worker sends: subject, HTML, text.
import { render } from "@react-email/render";
import ActivationEmail, { activationSubject, type ActivationEmailProps } from "@/emails/activation-email";

export type RenderedEmail = { subject: string; html: string; text: string };

export async function renderActivationEmail(props: ActivationEmailProps): Promise<RenderedEmail> {
  const element = ActivationEmail(props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: activationSubject(props), html, text };
}

const EXPIRY_FORMAT = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});

/** "2 décembre 2026 à 14:05", in the school's time zone. */
export function formatExpiry(date: Date): string {
  return EXPIRY_FORMAT.format(date);
}
