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

/**
 * Only a refusal of the recipient itself (5xx to RCPT TO: unknown mailbox, rejected address) will
 * not succeed on retry. Authentication, sender or connection errors are the server's configuration
 * or health: retried, so that fixing SMTP_URL loses no email.
 */
export function isPermanentFailure(error: unknown): boolean {
  const smtp = error as { permanent?: boolean; responseCode?: number; command?: string; code?: string; rejected?: unknown[] } | null;
  if (smtp?.permanent) return true;
  const refusedRecipient = smtp?.command === "RCPT TO" || (smtp?.code === "EENVELOPE" && (smtp.rejected?.length ?? 0) > 0);
  return refusedRecipient && typeof smtp?.responseCode === "number" && smtp.responseCode >= 500 && smtp.responseCode < 600;
}
