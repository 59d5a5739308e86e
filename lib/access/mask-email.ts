/** "marie.dupont@eleves.fr" → "m••••••••••t@eleves.fr": enough for a person to recognise their address. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "••••";
  const local = email.slice(0, at);
  const hidden =
    local.length <= 2 ? "•".repeat(local.length) : `${local[0]}${"•".repeat(Math.min(local.length - 2, 10))}${local[local.length - 1]}`;
  return `${hidden}${email.slice(at)}`;
}
