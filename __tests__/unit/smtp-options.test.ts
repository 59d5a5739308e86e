import { smtpOptions, SMTP_MAX_CONNECTIONS, SMTP_TIMEOUT_CAP, SMTP_TIMEOUTS } from "@/lib/mail/transport";

describe("smtpOptions", () => {
  it("keeps the URL's server and credentials and adds the pool and timeouts", () => {
    expect(smtpOptions("smtps://api%40key:s%3Acret@smtp.example.org:465")).toMatchObject({
      host: "smtp.example.org",
      port: 465,
      secure: true,
      auth: { user: "api@key", pass: "s:cret" },
      pool: true,
      maxConnections: SMTP_MAX_CONNECTIONS,
      ...SMTP_TIMEOUTS,
    });
  });

  it("lets the URL's query tune the connection, and explicit tuning win", () => {
    const options = smtpOptions("smtp://mail.local:25?tls.rejectUnauthorized=false&socketTimeout=5000", { greetingTimeout: 100 });
    expect(options).toMatchObject({ tls: { rejectUnauthorized: false }, socketTimeout: 5000, greetingTimeout: 100, pool: true });
  });

  it("caps every timeout, even one set in the URL, and ignores nonsense", () => {
    const options = smtpOptions("smtp://mail.local:25?socketTimeout=3600000&greetingTimeout=0&connectionTimeout=abc");
    expect(options.socketTimeout).toBe(SMTP_TIMEOUT_CAP);
    expect(options.greetingTimeout).toBe(SMTP_TIMEOUTS.greetingTimeout);
    expect(options.connectionTimeout).toBe(SMTP_TIMEOUTS.connectionTimeout);
  });
});
