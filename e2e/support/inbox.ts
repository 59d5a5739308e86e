// Reads the emails the app really sent, from the SMTP server started by the global setup.
import type { CapturedEmail } from "@/scripts/lib/smtp-capture";

async function allEmails(): Promise<CapturedEmail[]> {
  const url = process.env.E2E_INBOX_URL;
  if (!url) throw new Error("the e2e global setup did not start the inbox");
  const response = await fetch(`${url}/api/messages`);
  return (await response.json()) as CapturedEmail[];
}

/** Waits until `count` emails have reached `address` since the test began watching, and returns them. */
export async function waitForEmails(address: string, count: number, after = 0, timeoutMs = 20_000): Promise<CapturedEmail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const received = (await allEmails()).filter((email) => email.id > after && email.to.includes(address));
    if (received.length >= count) return received;
    if (Date.now() > deadline) throw new Error(`expected ${count} emails to ${address}, got ${received.length}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The id of the newest email so far: emails with a greater id arrived later. */
export async function lastEmailId(): Promise<number> {
  const emails = await allEmails();
  return emails.length ? emails[emails.length - 1].id : 0;
}

export function linkTokenIn(text: string): string {
  const token = text.match(/\/activation\/([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error("no activation link in the email");
  return token;
}
