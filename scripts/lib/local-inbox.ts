// The embedded mode's mail server: a real SMTP server on SMTP port 1025 that keeps every email, and a
// small web inbox (MAIL_INBOX_PORT, 1080) to read them and click their links. Emails are kept in
// data/mail-inbox.jsonl so they survive restarts. For development and demos only.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { startSmtpCapture, type CapturedEmail, type SmtpCapture } from "./smtp-capture";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;margin:0;background:#f8fafc;color:#0f172a}header{background:#fff;border-bottom:1px solid #e2e8f0;padding:12px 24px}
main{max-width:960px;margin:24px auto;padding:0 24px}table{width:100%;border-collapse:collapse;background:#fff}th,td{text-align:left;padding:8px 12px;border-bottom:1px solid #e2e8f0;font-size:14px}
a{color:#4338ca}iframe{width:100%;height:70vh;border:1px solid #e2e8f0;background:#fff}pre{white-space:pre-wrap;background:#fff;border:1px solid #e2e8f0;padding:12px}</style></head>
<body><header><strong>Sésame</strong> · Boîte mail locale</header><main>${body}</main></body></html>`;
}

export type LocalInbox = { smtpPort: number; webPort: number; close(): Promise<void> };

export async function startLocalInbox(options: { smtpPort: number; webPort: number; storeFile: string }): Promise<LocalInbox> {
  const stored: CapturedEmail[] = existsSync(options.storeFile)
    ? readFileSync(options.storeFile, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => ({ ...JSON.parse(line), receivedAt: new Date(JSON.parse(line).receivedAt) }))
    : [];
  mkdirSync(path.dirname(options.storeFile), { recursive: true });
  const smtp: SmtpCapture = await startSmtpCapture({
    port: options.smtpPort,
    onEmail(email) {
      const numbered = { ...email, id: stored.length + 1 };
      stored.push(numbered);
      appendFileSync(options.storeFile, `${JSON.stringify(numbered)}\n`);
    },
  });

  const web: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/api/messages") {
      // For scripts and the end-to-end tests: every email received, oldest first.
      response.setHeader("Content-Type", "application/json; charset=utf-8");
      response.end(JSON.stringify(stored));
      return;
    }
    const match = url.pathname.match(/^\/messages\/(\d+)$/);
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    if (match) {
      const email = stored.find((candidate) => candidate.id === Number(match[1]));
      if (!email) {
        response.statusCode = 404;
        response.end(page("Introuvable", `<p>Cet email n'existe pas. <a href="/">Retour</a></p>`));
        return;
      }
      // Links open in a new tab; the email's own scripts (if any) never run.
      const srcdoc = `<base target="_blank">${email.html}`;
      response.end(
        page(
          email.subject,
          `<p><a href="/">← Tous les emails</a></p><h1>${escapeHtml(email.subject)}</h1>
<p>De : ${escapeHtml(email.from)}<br>À : ${escapeHtml(email.to.join(", "))}<br>Reçu le ${dateFormat.format(email.receivedAt)}</p>
<iframe title="Contenu de l'email" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(srcdoc)}"></iframe>
<h2>Version texte</h2><pre>${escapeHtml(email.text)}</pre>`,
        ),
      );
      return;
    }
    const rows = [...stored]
      .reverse()
      .map(
        (email) =>
          `<tr><td>${dateFormat.format(email.receivedAt)}</td><td>${escapeHtml(email.to.join(", "))}</td><td><a href="/messages/${email.id}">${escapeHtml(email.subject)}</a></td></tr>`,
      )
      .join("");
    response.end(
      page(
        "Boîte mail locale",
        stored.length
          ? `<table><thead><tr><th>Reçu le</th><th>Destinataire</th><th>Sujet</th></tr></thead><tbody>${rows}</tbody></table>`
          : "<p>Aucun email reçu pour l'instant. Les emails envoyés par Sésame apparaîtront ici.</p>",
      ),
    );
  });
  await new Promise<void>((resolve, reject) => {
    web.once("error", reject);
    web.listen(options.webPort, "127.0.0.1", () => resolve());
  });
  const webAddress = web.address();
  return {
    smtpPort: smtp.port,
    webPort: typeof webAddress === "object" && webAddress ? webAddress.port : options.webPort,
    close: async () => {
      await Promise.all([smtp.close(), new Promise<void>((resolve) => web.close(() => resolve()))]);
    },
  };
}
