// Requests the UI never sends, refused by proxy.ts before Next.js reads them. Next.js answers several
// of them with a bare 500 (a path segment it cannot decode; an action body that is not JSON, nested
// beyond its parser's stack, or over the body limit), and a half-read oversized body leaves the
// connection unusable. Reading the body here also keeps the connection sound: Next.js then buffers it.

/** serverActions.bodySizeLimit (next.config.js): Next.js's default of 1 MB. */
export const ACTION_BODY_LIMIT = 1024 * 1024;
/** Far deeper than any action argument of the app (a bulk selection is 4 levels). */
const ACTION_MAX_DEPTH = 32;

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

// React's reply encoding (encodeReply) marks special values with a leading "$": values of their own
// (an escaped "$", undefined, infinities, NaN, -0, a date, a bigint, a temporary reference) and
// references to other parts of a multipart body ("$1", "$Q2", "$K3"…). A reference to a part that
// does not exist, a malformed bigint or an absurd nesting makes React's decoder throw inside Next's
// action handler, which answers 500: they are refused here instead.
const VALUE_MARK = /^\$(\$|undefined$|Infinity$|-Infinity$|NaN$|-0$|D|n-?\d+$|T)/;
const REFERENCE_MARK = /^\$([@FQWKiBRrXxAOoUSsLlGgMmVv]?)([0-9a-f]+)(:.*)?$/;

/** Where the parts of a reply live: nowhere for a plain-text body, the form's entries for multipart. */
type ReplyParts = FormData | null;

function referenceResolves(mark: string, parts: ReplyParts): boolean {
  const match = REFERENCE_MARK.exec(mark);
  if (!match) return false;
  const [, kind, hexId] = match;
  const id = parseInt(hexId, 16);
  // "$0:path" points back into the root itself (an object passed twice).
  if (kind === "" && id === 0) return true;
  if (!parts) return false;
  // A FormData argument's entries are named "<id>_<name>"; an empty one has none.
  if (kind === "K") return true;
  return parts.has(String(id));
}

/** Nested deeper than allowed, or holding a mark React cannot decode. */
function unacceptableReply(value: unknown, parts: ReplyParts, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (depth > maxDepth) return true;
    if (typeof item === "string" && item.startsWith("$") && !VALUE_MARK.test(item) && !referenceResolves(item, parts)) return true;
    if (item && typeof item === "object") for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** A multipart reply: the arguments in part "0" (an array), every outlined part within bounds. */
function unacceptableMultipartReply(parts: FormData, maxDepth: number): boolean {
  const root = parts.get("0");
  if (typeof root !== "string") return true;
  const rootValue: unknown = JSON.parse(root);
  if (!Array.isArray(rootValue) || unacceptableReply(rootValue, parts, maxDepth)) return true;
  for (const [name, value] of parts.entries()) {
    if (name === "0" || !/^\d+$/.test(name) || typeof value !== "string") continue;
    let outlined: unknown;
    try {
      outlined = JSON.parse(value);
    } catch {
      continue; // a plain string part
    }
    if (unacceptableReply(outlined, parts, maxDepth)) return true;
  }
  return false;
}

/** Whether a request is a server-action call (or a form post to one), which Next.js decodes itself. */
export function isActionPost(method: string, headers: Headers): boolean {
  return (
    method === "POST" && (headers.has("next-action") || (headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data"))
  );
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
      const parts = await request.formData();
      // A form posted without JavaScript has no Next-Action header: Next reads its fields itself.
      if (!request.headers.has("next-action")) return null;
      return unacceptableMultipartReply(parts, ACTION_MAX_DEPTH) ? { status: 400 } : null;
    }
    if (!request.headers.has("next-action") || !type.startsWith("text/plain")) return { status: 400 };
    const args: unknown = JSON.parse(await request.text());
    // The arguments of an action are always an array.
    return !Array.isArray(args) || unacceptableReply(args, null, ACTION_MAX_DEPTH) ? { status: 400 } : null;
  } catch {
    return { status: 400 };
  }
}
