import "server-only";
import nodemailer from "nodemailer";

export type OutgoingEmail = { from: string; to: string; subject: string; html: string; text: string; messageId: string };

/** The one thing that talks SMTP. Tests give the worker the same transport pointed at their server. */
export type MailTransport = { send(email: OutgoingEmail): Promise<void>; close(): void };

export function createSmtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 4,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(email) {
      await transporter.sendMail({ ...email, headers: { "Auto-Submitted": "auto-generated" } });
    },
    close: () => transporter.close(),
  };
}

/** SMTP 5xx answers (unknown mailbox, rejected address...) will not succeed on retry. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: number } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
