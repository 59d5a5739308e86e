/** @jest-environment node */
// The transport's pool and timeouts really apply (nodemailer silently drops them when given `url`).
import { createServer, type Server, type Socket } from "node:net";
import { enableAccessHandler } from "@/lib/actions/handlers/access";
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
    expect(await enableAccessHandler(staff, { studentId: student.id })).toMatchObject({ ok: true });
  }
  const openedBefore = mail.smtp.connections.opened;
  const result = await processOutbox(mail.transport, { limit: 100 });
  expect(result.sent).toBe(30);
  expect(mail.smtp.emails.filter((email) => email.to[0]?.endsWith("@smtp.test"))).toHaveLength(30);
  expect(mail.smtp.connections.opened - openedBefore).toBeLessThanOrEqual(SMTP_MAX_CONNECTIONS);
  expect(mail.smtp.connections.mostAtOnce).toBeLessThanOrEqual(SMTP_MAX_CONNECTIONS);
});

describe("a server that accepts connections but never greets", () => {
  let silent: Server;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => silent.close(resolve));
  });

  it("fails the send once the configured greeting timeout has passed, not nodemailer's 30 s", async () => {
    const address = silent.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`, { greetingTimeout: 800 });
    const started = Date.now();
    const sending = transport.send({ from: "a@sesame.test", to: "b@sesame.test", subject: "x", html: "<p>x</p>", text: "x", messageId: "<t@sesame.test>" });
    await expect(sending).rejects.toMatchObject({ code: "ETIMEDOUT" });
    const elapsed = Date.now() - started;
    transport.close();
    expect(elapsed).toBeGreaterThanOrEqual(700);
    expect(elapsed).toBeLessThan(10_000);
  }, 20_000);
});

describe("a server that greets, then stops answering in the middle of an exchange", () => {
  let stalling: Server;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    stalling = createServer((socket) => {
      sockets.push(socket);
      socket.write("220 stalling.test ESMTP\r\n");
      socket.once("data", () => socket.write("250 stalling.test\r\n"));
      // MAIL FROM and everything after it: silence.
    });
    await new Promise<void>((resolve) => stalling.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => stalling.close(resolve));
  });

  it("fails the send once the configured socket timeout has passed, not nodemailer's 10 minutes", async () => {
    const address = stalling.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`, { socketTimeout: 800 });
    const started = Date.now();
    const sending = transport.send({ from: "a@sesame.test", to: "b@sesame.test", subject: "x", html: "<p>x</p>", text: "x", messageId: "<s@sesame.test>" });
    await expect(sending).rejects.toMatchObject({ code: expect.stringMatching(/ETIMEDOUT|ESOCKET|ECONNECTION/) });
    const elapsed = Date.now() - started;
    transport.close();
    expect(sockets.length).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThanOrEqual(700);
    expect(elapsed).toBeLessThan(10_000);
  }, 20_000);
});
