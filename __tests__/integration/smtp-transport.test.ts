/** @jest-environment node */
// The transport's pool and timeouts really apply (nodemailer silently drops them when given `url`).
import { createServer, type Server, type Socket } from "node:net";
import { enableAccess } from "@/lib/actions/handlers/access";
import { processOutbox } from "@/lib/mail/outbox";
import { createSmtpTransport, SMTP_MAX_CONNECTIONS } from "@/lib/mail/transport";
import { RIGHTS } from "@/lib/rights";
import { captureMail } from "../factories/mail";
import { createStaff, createStudent, createWorld } from "../factories/school";

const mail = captureMail();

it("delivers a bulk of emails over at most SMTP_MAX_CONNECTIONS connections", async () => {
  const world = await createWorld();
  const staff = await createStaff(world, { rights: [RIGHTS.viewStudent, RIGHTS.editStudent] });
  for (let index = 0; index < 30; index += 1) {
    const student = await createStudent(world, { firstName: `Pool${index}`, lastName: "Smtp", email: `pool${index}@smtp.test` });
    expect(await enableAccess(staff, { studentId: student.id })).toMatchObject({ ok: true });
  }
  const openedBefore = mail.smtp.connections.opened;
  const result = await processOutbox(mail.transport, { limit: 100 });
  expect(result.sent).toBe(30);
  expect(mail.smtp.emails.filter((email) => email.to[0]?.endsWith("@smtp.test"))).toHaveLength(30);
  expect(mail.smtp.connections.opened - openedBefore).toBeLessThanOrEqual(SMTP_MAX_CONNECTIONS);
  expect(mail.smtp.connections.mostAtOnce).toBeLessThanOrEqual(SMTP_MAX_CONNECTIONS);
});

/** A TCP server playing a broken SMTP peer; `greet` decides what it says on each new connection. */
async function brokenSmtpServer(greet: (socket: Socket) => void) {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => {
    sockets.push(socket);
    greet(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    url: `smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
    sockets,
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Sends one email through the app's transport with `tuning`; how long it took to fail, and how. */
async function failedSend(url: string, tuning: Parameters<typeof createSmtpTransport>[1]) {
  const transport = createSmtpTransport(url, tuning);
  const started = Date.now();
  try {
    await transport.send({
      from: "a@sesame.test",
      to: "b@sesame.test",
      subject: "x",
      html: "<p>x</p>",
      text: "x",
      messageId: "<t@sesame.test>",
    });
    return { elapsed: Date.now() - started, error: null };
  } catch (error) {
    return { elapsed: Date.now() - started, error: error as { code?: string } };
  } finally {
    transport.close();
  }
}

it("fails the send to a server that never greets once the configured greeting timeout has passed, not nodemailer's 30 s", async () => {
  const silent = await brokenSmtpServer(() => {});
  try {
    const { elapsed, error } = await failedSend(silent.url, { greetingTimeout: 800 });
    expect(error).toMatchObject({ code: "ETIMEDOUT" });
    expect(elapsed).toBeGreaterThanOrEqual(700);
    expect(elapsed).toBeLessThan(10_000);
  } finally {
    await silent.close();
  }
}, 20_000);

it("fails the send to a server that stalls mid-exchange once the configured socket timeout has passed, not nodemailer's 10 minutes", async () => {
  const stalling = await brokenSmtpServer((socket) => {
    socket.write("220 stalling.test ESMTP\r\n");
    socket.once("data", () => socket.write("250 stalling.test\r\n"));
    // MAIL FROM and everything after it: silence.
  });
  try {
    const { elapsed, error } = await failedSend(stalling.url, { socketTimeout: 800 });
    expect(error).toMatchObject({ code: expect.stringMatching(/ETIMEDOUT|ESOCKET|ECONNECTION/) });
    expect(stalling.sockets.length).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThanOrEqual(700);
    expect(elapsed).toBeLessThan(10_000);
  } finally {
    await stalling.close();
  }
}, 20_000);
