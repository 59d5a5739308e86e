// A real SMTP server for one test file, and the app's transport pointed at it.
import { processOutbox } from "@/lib/mail/outbox";
import { createSmtpTransport, type MailTransport } from "@/lib/mail/transport";
import { startSmtpCapture, type SmtpCapture } from "@/scripts/lib/smtp-capture";

export type MailCapture = { smtp: SmtpCapture; transport: MailTransport };

/** Starts the server before the file's tests and stops it after them. */
export function captureMail(): MailCapture {
  const mail = {} as MailCapture;
  beforeAll(async () => {
    mail.smtp = await startSmtpCapture();
    mail.transport = createSmtpTransport(`smtp://127.0.0.1:${mail.smtp.port}`);
  });
  afterAll(async () => {
    mail.transport?.close();
    await mail.smtp?.close();
  });
  return mail;
}

/** The activation link token an email carries, if any. */
export function activationTokenIn(text: string): string | null {
  return text.match(/\/activation\/([A-Za-z0-9_-]{43})/)?.[1] ?? null;
}

/**
 * Sends the emails waiting in the outbox to the capture server, as the worker would, and returns the
 * activation link token of the first one this delivered to `address`.
 */
export async function deliverLinkTo(mail: MailCapture, address: string, now?: Date): Promise<string> {
  const before = mail.smtp.emails.length;
  await processOutbox(mail.transport, { limit: 50, now });
  const delivered = mail.smtp.emails.slice(before).find((email) => email.to.includes(address));
  const token = delivered ? activationTokenIn(delivered.text) : null;
  if (!token) throw new Error(`no activation link was delivered to ${address}`);
  return token;
}
