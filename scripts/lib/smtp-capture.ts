// A real SMTP server that keeps what it receives: the local inbox of `npm start` and the SMTP peer of
// the tests. It can be told to refuse mail (e.g. 451, as a mail server that is down would).
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CapturedEmail = {
  id: number;
  messageId: string;
  from: string;
  /** The Reply-To header, "" when there is none. */
  replyTo: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  receivedAt: Date;
};

export type SmtpCapture = {
  port: number;
  emails: CapturedEmail[];
  /** SMTP connections opened so far, and the most open at one time. */
  connections: { opened: number; mostAtOnce: number };
  /** Refuse every message with this SMTP code until called again with null; "rcpt" refuses the recipient. */
  refuseWith(code: number | null, stage?: "data" | "rcpt"): void;
  /** Resolves when `count` emails have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedEmail[]>;
  close(): Promise<void>;
};

export async function startSmtpCapture(
  options: { port?: number; host?: string; onEmail?: (email: CapturedEmail) => void } = {},
): Promise<SmtpCapture> {
  const emails: CapturedEmail[] = [];
  let refusal: number | null = null;
  let refusalStage: "data" | "rcpt" = "data";
  const waiters: (() => void)[] = [];
  const connections = { opened: 0, mostAtOnce: 0 };
  let open = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    banner: "Sésame local inbox",
    onConnect(_session, callback) {
      connections.opened += 1;
      open += 1;
      connections.mostAtOnce = Math.max(connections.mostAtOnce, open);
      callback();
    },
    onClose() {
      open -= 1;
    },
    onRcptTo(_address, _session, callback) {
      if (refusal !== null && refusalStage === "rcpt") {
        callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: refusal }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      if (refusal !== null) {
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Service temporarily unavailable"), { responseCode: refusal! })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          const email: CapturedEmail = {
            id: emails.length + 1,
            messageId: parsed.messageId ?? "",
            from: parsed.from?.text ?? "",
            replyTo: parsed.replyTo?.text ?? "",
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            text: parsed.text ?? "",
            receivedAt: new Date(),
          };
          emails.push(email);
          options.onEmail?.(email);
          waiters.splice(0).forEach((wake) => wake());
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 0);
  return {
    port,
    emails,
    connections,
    refuseWith(code, stage = "data") {
      refusal = code;
      refusalStage = stage;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (emails.length < count) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new Error(`expected ${count} emails, received ${emails.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, remaining);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return emails.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
