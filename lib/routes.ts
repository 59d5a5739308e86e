// Paths used by both server and client code.
export const SIGN_IN_PATH = "/connexion";
export const STUDENTS_PATH = "/etudiants";

export function studentPath(studentId: string, tab?: "espace-etudiant"): string {
  return tab ? `${STUDENTS_PATH}/${studentId}/${tab}` : `${STUDENTS_PATH}/${studentId}`;
}

export const RETURN_PARAM = "retour";

/**
 * Where to go after signing in: only a path of this site (never "//host" or a full URL, which would
 * make the sign-in page an open redirect), and never back to the sign-in page itself.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value === SIGN_IN_PATH || value.startsWith(`${SIGN_IN_PATH}?`) || value.startsWith("/api/")) return "/";
  return value;
}
