// The state of a portal access, derived from its columns, the same way everywhere (badge, filter, rules).

export const ACCESS_STATES = ["none", "invited", "expired", "active", "disabled"] as const;
export type AccessState = (typeof ACCESS_STATES)[number];

export type AccessColumns = {
  enabled: boolean;
  passwordHash?: string | null;
  hasPassword?: boolean;
  disabledAt: Date | string | null;
  linkExpiresAt: Date | string | null;
};

export function accessState(access: AccessColumns | null | undefined, now: Date = new Date()): AccessState {
  if (!access) return "none";
  if (!access.enabled) return access.disabledAt ? "disabled" : "none";
  const hasPassword = access.hasPassword ?? !!access.passwordHash;
  if (hasPassword) return "active";
  if (access.linkExpiresAt && new Date(access.linkExpiresAt) > now) return "invited";
  return "expired";
}

/**
 * The state of a student's access from the copy the Student row keeps for the list (accessPhase,
 * written by database triggers): "pending" is an invitation until its link expires.
 */
export function accessStateOfPhase(phase: string, linkExpiresAt: Date | string | null, now: Date = new Date()): AccessState {
  if (phase === "active" || phase === "disabled") return phase;
  if (phase !== "pending") return "none";
  return linkExpiresAt && new Date(linkExpiresAt) > now ? "invited" : "expired";
}
