import "server-only";
import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import type SMTPPool from "nodemailer/lib/smtp-pool";

export type OutgoingEmail = {
  /** An address, or a display name with an address (« Lycée Victor-Hugo via Sésame »). */
  from: string | { name: string; address: string };
  replyTo?: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
};

/** The one thing that talks SMTP. Tests give the worker the same transport pointed at their server. */
export type MailTransport = { send(email: OutgoingEmail): Promise<void>; close(): void };

/** SMTP connections kept open at most; the outbox sends as many messages at once. */
export const SMTP_MAX_CONNECTIONS = 4;

/**
 * How long an SMTP server may keep silent: to accept the connection, to greet, and at any point of an
 * exchange. A server that stops answering fails the send within a minute, and the message is retried
 * with backoff; meanwhile the outbox renews its claim, so no other worker sends it.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 };
/** No timeout, not even one set in SMTP_URL's query, may hold a message longer than this. */
export const SMTP_TIMEOUT_CAP = 120_000;

type TransportTuning = Partial<typeof SMTP_TIMEOUTS & { maxConnections: number }>;

/**
 * nodemailer ignores every other option when it is given `url` (it keeps only the parsed URL: no
 * pool, default timeouts), so the URL is parsed here and the options laid over it. Query parameters
 * of SMTP_URL (e.g. `?tls.rejectUnauthorized=false`) still apply.
 */
export function smtpOptions(smtpUrl: string, tuning: TransportTuning = {}): SMTPPool.Options {
  const { maxConnections = SMTP_MAX_CONNECTIONS, ...timeouts } = tuning;
  const options: SMTPPool.Options = { ...SMTP_TIMEOUTS, ...parseConnectionUrl(smtpUrl), ...timeouts, pool: true, maxConnections };
  for (const key of Object.keys(SMTP_TIMEOUTS) as (keyof typeof SMTP_TIMEOUTS)[]) {
    const value = Number(options[key]);
    options[key] = Number.isFinite(value) && value > 0 ? Math.min(value, SMTP_TIMEOUT_CAP) : SMTP_TIMEOUTS[key];
  }
  return options;
}

export function createSmtpTransport(smtpUrl: string, tuning: TransportTuning = {}): MailTransport {
  const transporter = nodemailer.createTransport(smtpOptions(smtpUrl, tuning));
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
