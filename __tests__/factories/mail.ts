// A real SMTP server for one test file, and the app's transport pointed at it.
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
