/**
 * The form of an email that decides whether two people share an address and which portal account
 * an address signs in to: trimmed and lower-cased (mailboxes are case-insensitive in practice).
 * Null when there is no address.
 */
export function emailKey(email: string | null | undefined): string | null {
  const key = email?.trim().toLowerCase();
  return key ? key : null;
}
