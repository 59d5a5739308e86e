// HTTP/1.1 over a plain socket: sends exactly the bytes given (a malformed path, a header a client
// library would refuse), so the tests see what the server answers to what a browser never sends.
import { connect } from "node:net";
import { baseUrl } from "./browser";

export type RawAnswer = { status: number; headers: Record<string, string>; body: string; raw: string };

function target() {
  const url = new URL(baseUrl());
  return { host: url.hostname, port: Number(url.port) };
}

/** The body of a chunked answer (as far as it was read). */
function dechunk(text: string): string {
  let body = "";
  let rest = text;
  for (;;) {
    const lineEnd = rest.indexOf("\r\n");
    const size = parseInt(rest.slice(0, lineEnd), 16);
    if (lineEnd < 0 || !Number.isFinite(size) || size === 0) return body;
    body += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}

/** Parses every answer found in what the server wrote (several when a connection is reused). */
export function parseAnswers(raw: string): RawAnswer[] {
  const answers: RawAnswer[] = [];
  for (const match of raw.matchAll(/HTTP\/1\.1 (\d{3})[^\r\n]*\r\n([\s\S]*?)\r\n\r\n/g)) {
    const headers: Record<string, string> = {};
    for (const line of match[2].split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const start = (match.index ?? 0) + match[0].length;
    const rest = raw.slice(start, start + 200_000);
    const body =
      headers["transfer-encoding"] === "chunked" ? dechunk(rest) : rest.slice(0, Number(headers["content-length"] ?? rest.length));
    answers.push({ status: Number(match[1]), headers, body, raw });
  }
  return answers;
}

/** Writes `parts` one after the other on one connection and returns everything read until it closes. */
export function exchange(parts: (string | Buffer)[], options: { pauseMs?: number; timeoutMs?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(target());
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(Buffer.concat(chunks).toString("latin1"));
    }, options.timeoutMs ?? 20_000);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", (error) => {
      clearTimeout(timer);
      if (chunks.length) resolve(Buffer.concat(chunks).toString("latin1"));
      else reject(error);
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString("latin1"));
    });
    socket.on("connect", async () => {
      for (const [index, part] of parts.entries()) {
        if (index > 0 && options.pauseMs) await new Promise((wait) => setTimeout(wait, options.pauseMs));
        if (!socket.destroyed) socket.write(part);
      }
    });
  });
}

export type RawRequest = { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer };

/** One request on its own connection (Connection: close), with Content-Length set for a body. */
export async function send(request: RawRequest): Promise<RawAnswer> {
  const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, "utf8");
  const headers: Record<string, string> = {
    Host: `${target().host}:${target().port}`,
    Connection: "close",
    ...(body !== undefined && !request.headers?.["Transfer-Encoding"] ? { "Content-Length": String(body.length) } : {}),
    ...request.headers,
  };
  const head = `${request.method ?? "GET"} ${request.path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join("\r\n")}\r\n\r\n`;
  const raw = await exchange(body ? [Buffer.from(head, "latin1"), body] : [Buffer.from(head, "latin1")]);
  const [answer] = parseAnswers(raw);
  if (!answer) throw new Error(`no answer to ${request.method ?? "GET"} ${request.path}: ${JSON.stringify(raw.slice(0, 200))}`);
  return answer;
}
