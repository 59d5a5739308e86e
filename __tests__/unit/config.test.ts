import { parseConfig } from "@/lib/config";

const SECRET = "s".repeat(32);

describe("parseConfig", () => {
  it("gives the embedded defaults", () => {
    expect(parseConfig({ AUTH_SECRET: SECRET })).toEqual({
      DATABASE_URL: "file:./data/sesame.db",
      AUTH_SECRET: SECRET,
      APP_URL: "http://localhost:3000",
      PORT: 3000,
      SMTP_URL: "smtp://127.0.0.1:1025",
      MAIL_FROM: "Sésame <no-reply@sesame.test>",
      MAIL_RATE_PER_MINUTE: 600,
      MAIL_MAX_ATTEMPTS: 8,
      MAIL_RETRY_BASE_SECONDS: 30,
      MAIL_WORKER: true,
      ACTIVATION_LINK_TTL_HOURS: 168,
      REMINDERS_INTERVAL_SECONDS: 60,
      MAIL_INBOX_PORT: 1080,
      SEED_DEMO: undefined,
    });
  });

  it("accepts PostgreSQL URLs and trims the app URL", () => {
    const config = parseConfig({
      AUTH_SECRET: SECRET,
      DATABASE_URL: "postgresql://u:p@db:5432/sesame",
      APP_URL: "https://sesame.ecole.fr/",
      PORT: "8080",
      SEED_DEMO: "false",
    });
    expect(config).toMatchObject({
      DATABASE_URL: "postgresql://u:p@db:5432/sesame",
      APP_URL: "https://sesame.ecole.fr",
      PORT: 8080,
      SEED_DEMO: false,
    });
  });

  it("reads the mail settings", () => {
    const config = parseConfig({
      AUTH_SECRET: SECRET,
      SMTP_URL: "smtps://user:pass@mail.ecole.fr:465",
      MAIL_FROM: "Lycée Victor-Hugo <secretariat@ecole.fr>",
      MAIL_RATE_PER_MINUTE: "60",
      MAIL_WORKER: "false",
      ACTIVATION_LINK_TTL_HOURS: "48",
    });
    expect(config).toMatchObject({
      SMTP_URL: "smtps://user:pass@mail.ecole.fr:465",
      MAIL_RATE_PER_MINUTE: 60,
      MAIL_WORKER: false,
      ACTIVATION_LINK_TTL_HOURS: 48,
    });
    expect(() => parseConfig({ AUTH_SECRET: SECRET, SMTP_URL: "http://x", MAIL_FROM: "nobody", MAIL_RATE_PER_MINUTE: "0" })).toThrow(
      /SMTP_URL must be an smtp:\/\/.*\n.*MAIL_FROM must be an address.*\n.*MAIL_RATE_PER_MINUTE must be at least 1/,
    );
  });

  it("treats empty variables as unset", () => {
    expect(parseConfig({ AUTH_SECRET: SECRET, DATABASE_URL: "", PORT: "" })).toMatchObject({
      DATABASE_URL: "file:./data/sesame.db",
      PORT: 3000,
    });
  });

  it("names every bad variable in one message", () => {
    expect(() =>
      parseConfig({ AUTH_SECRET: "short", DATABASE_URL: "mysql://x", APP_URL: "ftp://x", PORT: "99999", SEED_DEMO: "yes" }),
    ).toThrow(
      /Invalid configuration:\n {2}- DATABASE_URL must start with file:.*\n {2}- AUTH_SECRET must be at least 32 characters.*\n {2}- APP_URL must be an http.*\n {2}- PORT must be between 1 and 65535\n {2}- SEED_DEMO must be true or false/,
    );
    expect(() => parseConfig({})).toThrow(/AUTH_SECRET is missing/);
  });
});
