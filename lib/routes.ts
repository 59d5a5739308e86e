// Paths used by both server and client code.
export const SIGN_IN_PATH = "/connexion";
export const STUDENTS_PATH = "/etudiants";

export function studentPath(studentId: string, tab?: "espace-etudiant"): string {
  return tab ? `${STUDENTS_PATH}/${studentId}/${tab}` : `${STUDENTS_PATH}/${studentId}`;
}

export const RETURN_PARAM = "retour";

/** Where sign-in leads when no return path was asked for: home, which knows what the role may open. */
export const HOME_PATH = "/";
/** Where sign-in leads when the requested return path is not a page of the staff app. */
export const DEFAULT_RETURN_PATH = STUDENTS_PATH;

// The staff app's pages a sign-in may return to. Ids are cuids (see lib/validation/ids.ts).
const STAFF_PAGES = [
  /^\/$/,
  /^\/etudiants$/,
  /^\/etudiants\/[a-z0-9]{1,40}$/i,
  /^\/etudiants\/[a-z0-9]{1,40}\/espace-etudiant$/i,
  /^\/etudiants\/envois\/[a-z0-9]{1,40}$/i,
];

// Browsers drop tabs and line breaks inside URLs (WHATWG URL), which turned "/\t/evil.example" into
// "//evil.example"; any control or space character makes the value suspect as a whole.
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;
const PLACEHOLDER_ORIGIN = "http://sesame.invalid";

/**
 * Where to go after signing in: a page of the staff app on this site, or the students list. The value
 * is parsed as a browser would, against this site's origin, and must stay on that origin and name a
 * known staff page (none asked for: home); the result is re-serialised by the URL parser, so it never carries a raw control
 * character into a Location header.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value) return HOME_PATH;
  if (value.length > 2000 || !value.startsWith("/") || CONTROL_OR_SPACE.test(value)) return DEFAULT_RETURN_PATH;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || url.username || url.password) return DEFAULT_RETURN_PATH;
  if (!STAFF_PAGES.some((page) => page.test(url.pathname))) return DEFAULT_RETURN_PATH;
  return `${url.pathname}${url.search}`;
}
