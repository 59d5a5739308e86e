// The outbox keeps each email until it is sent, and an activation email holds a live link: the
// payload is encrypted (AES-256-GCM, key derived from AUTH_SECRET) and erased once delivered.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Derived once per secret: every email of a bulk send is encrypted, then decrypted to be sent.
const keys = new Map<string, Buffer>();

function keyFrom(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "sesame-outbox", "outbox payload v1", 32));
    keys.set(secret, key);
  }
  return key;
}

export function encryptPayload(secret: string, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(secret), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

export function decryptPayload<T>(secret: string, payload: string): T {
  const [version, iv, tag, data] = payload.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("unknown outbox payload format");
  const decipher = createDecipheriv("aes-256-gcm", keyFrom(secret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const json = Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  return JSON.parse(json) as T;
}
