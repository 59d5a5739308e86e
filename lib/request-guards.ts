// Requests the UI never sends, refused by proxy.ts before Next.js reads them. Next.js answers several
// of them with a bare 500 (a path segment it cannot decode; an action body that is not JSON, nested
// beyond its parser's stack, or over the body limit), and a half-read oversized body leaves the
// connection unusable. Reading the body here also keeps the connection sound: Next.js then buffers it.

/** serverActions.bodySizeLimit (next.config.js): Next.js's default of 1 MB. */
export const ACTION_BODY_LIMIT = 1024 * 1024;
/** Far deeper than any action argument of the app (a bulk selection is 4 levels). */
export const ACTION_MAX_DEPTH = 32;

/** A path with percent-encoding that does not decode to text (« %ZZ », a lone surrogate). */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export type ActionRefusal = { status: 400 | 411 | 413 };

type ActionRequest = { headers: Headers; text(): Promise<string>; formData(): Promise<FormData> };

// React's reply encoding marks special values with a leading "$". In a plain-text body (no other
// parts to point at) the app's client only ever writes these: an escaped "$", undefined, infinities,
// NaN, -0, a date, a bigint, or a temporary reference. Any other mark points to a part that cannot
// exist, and Next.js answers it with a 500.
const PLAIN_REPLY_MARKS = /^\$(\$|undefined$|Infinity$|-Infinity$|NaN$|-0$|D|n\d|T)/;

/** Nested deeper than allowed, or holding a reference a plain-text reply cannot resolve. */
function unacceptableReply(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (depth > maxDepth) return true;
    if (typeof item === "string" && item.startsWith("$") && !PLAIN_REPLY_MARKS.test(item)) return true;
    if (item && typeof item === "object") for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Whether a request is a server-action call (or a form post to one), which Next.js decodes itself. */
export function isActionPost(method: string, headers: Headers): boolean {
  return method === "POST" && (headers.has("next-action") || (headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data"));
}

/**
 * Why an action call must be refused, or null to let Next.js run it: no declared length (411), over
 * the body limit (413), or a body the app's client never sends — a type other than React's JSON or
 * multipart encoding, multipart that does not parse, text that is not JSON, JSON nested absurdly
 * deep or pointing to parts that do not exist (400).
 */
export async function refuseActionRequest(request: ActionRequest): Promise<ActionRefusal | null> {
  const declared = request.headers.get("content-length");
  const length = declared === null ? Number.NaN : Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) return { status: 411 };
  if (length > ACTION_BODY_LIMIT) return { status: 413 };
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  try {
    if (type.startsWith("multipart/form-data")) {
      // undici's parser also refuses a part containing the boundary string itself; browsers' random
      // boundaries never occur in the app's small JSON parts.
      await request.formData();
      return null;
    }
    // A form posted without JavaScript has no Next-Action header and is multipart: checked above.
    if (!request.headers.has("next-action") || !type.startsWith("text/plain")) return { status: 400 };
    return unacceptableReply(JSON.parse(await request.text()), ACTION_MAX_DEPTH) ? { status: 400 } : null;
  } catch {
    return { status: 400 };
  }
}
