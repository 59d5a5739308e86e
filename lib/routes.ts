// Every path of the app, for server and client code alike: the French words of the URLs and their
// query strings are written here and nowhere else in the app (tests keep the literal URLs users see).

type SearchParams = Record<string, string | string[] | undefined>;

// The staff app.

/**
 * Home, public: a staff member goes on to what their role may open (also where sign-in leads when no
 * return path was asked for), a student or parent to the portal, anyone else sees the two doors.
 */
export const HOME_PATH = "/";
export const SIGN_IN_PATH = "/connexion";
export const STUDENTS_PATH = "/etudiants";
export const RETURN_PARAM = "retour";

export function studentPath(studentId: string): string {
  return `${STUDENTS_PATH}/${studentId}`;
}

/** The "Espace étudiant" tab of a student's profile (staff side). */
export function studentPortalPath(studentId: string): string {
  return `${studentPath(studentId)}/espace-etudiant`;
}

/** « Envois »: the past bulk sends, newest first. */
export const BULK_SENDS_PATH = `${STUDENTS_PATH}/envois`;
const PAGE_PARAM = "page";

export function bulkSendsPath(page = 1): string {
  return page > 1 ? `${BULK_SENDS_PATH}?${PAGE_PARAM}=${page}` : BULK_SENDS_PATH;
}

export function readBulkSendsParams(params: SearchParams): { page: number } {
  const raw = params[PAGE_PARAM];
  const page = typeof raw === "string" && /^[0-9]{1,6}$/.test(raw) ? Number(raw) : 1;
  return { page: Math.max(1, page) };
}

export function bulkSendPath(bulkSendId: string): string {
  return `${BULK_SENDS_PATH}/${bulkSendId}`;
}

export function bulkSendReportPath(bulkSendId: string): string {
  return `${bulkSendPath(bulkSendId)}/rapport`;
}

/** « Suivi des accès »: students and parents in each access state, by school, program and class. */
export const ACCESS_BOARD_PATH = "/suivi-des-acces";
/** The same board as a CSV file. */
export const ACCESS_BOARD_CSV_PATH = `${ACCESS_BOARD_PATH}/export`;

/** « Paramètres des établissements »: each school's contact address and automatic reminders. */
export const SCHOOL_SETTINGS_PATH = "/etablissements";

/** The Étudiants list in a given state (its query string built by lib/students/list-params.ts). */
export function studentListPath(search: URLSearchParams): string {
  const query = search.toString();
  return query ? `${STUDENTS_PATH}?${query}` : STUDENTS_PATH;
}

/** The staff sign-in page, bringing the visitor back to `returnPath` afterwards (none: home). */
export function signInPath(returnPath?: string): string {
  return returnPath ? `${SIGN_IN_PATH}?${new URLSearchParams({ [RETURN_PARAM]: returnPath })}` : SIGN_IN_PATH;
}

/** Whether proxy.ts sends a visitor without a staff session cookie to the sign-in page (not home: it shows the two doors). */
export function isStaffPath(pathname: string): boolean {
  return [STUDENTS_PATH, ACCESS_BOARD_PATH, SCHOOL_SETTINGS_PATH].some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

/** next-auth's endpoints (app/api/auth/[...nextauth]), called by the staff browser (lib/auth-client.ts). */
export const AUTH_API_PATH = "/api/auth";

/** No page lives here: proxy.ts rewrites a malformed address to it, which shows the « page introuvable » (404). */
export const NOT_FOUND_PATH = "/adresse-invalide";

// The portal (espace étudiant) of students and parents.

export const PORTAL_HOME_PATH = "/espace-etudiant";
export const PORTAL_SIGN_IN_PATH = `${PORTAL_HOME_PATH}/connexion`;
export const PORTAL_FORGOT_PASSWORD_PATH = `${PORTAL_HOME_PATH}/mot-de-passe-oublie`;

const WELCOME_PARAM = "bienvenue";
const WELCOME_RESET = "nouveau-mot-de-passe";
const SESSION_PARAM = "session";
const SESSION_EXPIRED = "expiree";
const EMAIL_PARAM = "email";

/** After a password was just chosen: the first one (activation) or a new one (reset). */
export type PortalWelcome = "activation" | "reset";

/** The portal home; `welcome` after a password was just chosen, to say which address signs in. */
export function portalHomePath({ welcome }: { welcome?: PortalWelcome } = {}): string {
  if (!welcome) return PORTAL_HOME_PATH;
  return `${PORTAL_HOME_PATH}?${WELCOME_PARAM}=${welcome === "reset" ? WELCOME_RESET : "1"}`;
}

export function readPortalHomeParams(params: SearchParams): { welcome: PortalWelcome | null } {
  const value = params[WELCOME_PARAM];
  if (!value) return { welcome: null };
  return { welcome: value === WELCOME_RESET ? "reset" : "activation" };
}

/** The same address without the welcome flag, so a reload or a bookmark does not announce it again. */
export function withoutWelcome(href: string): URL {
  const url = new URL(href);
  url.searchParams.delete(WELCOME_PARAM);
  return url;
}

/** The portal sign-in page: with the address filled in, or saying that the session has ended. */
export function portalSignInPath({ email, expired = false }: { email?: string; expired?: boolean } = {}): string {
  if (expired) return `${PORTAL_SIGN_IN_PATH}?${SESSION_PARAM}=${SESSION_EXPIRED}`;
  return email ? `${PORTAL_SIGN_IN_PATH}?${EMAIL_PARAM}=${encodeURIComponent(email)}` : PORTAL_SIGN_IN_PATH;
}

export function readPortalSignInParams(params: SearchParams): { email: string; expired: boolean } {
  const email = params[EMAIL_PARAM];
  return { email: typeof email === "string" ? email.slice(0, 254) : "", expired: params[SESSION_PARAM] === SESSION_EXPIRED };
}

/** The page an activation email links to (the token is the credential). */
export function activationPath(token: string): string {
  return `/activation/${token}`;
}

// Returning after the staff sign-in.
/** Where sign-in leads when the requested return path is not a page of the staff app. */
export const DEFAULT_RETURN_PATH = STUDENTS_PATH;

// The staff app's pages a sign-in may return to. Ids are cuids (see lib/validation/ids.ts).
const STAFF_PAGES = [
  /^\/$/,
  /^\/etudiants$/,
  /^\/suivi-des-acces$/,
  /^\/etablissements$/,
  /^\/etudiants\/[a-z0-9]{1,40}$/i,
  /^\/etudiants\/[a-z0-9]{1,40}\/espace-etudiant$/i,
  /^\/etudiants\/envois$/,
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
