// Usage: npm run bench:bundle [-- --json <file>]
// What the browser downloads on a first visit to each page: builds into .next-bundle when the sources
// changed (with browser source maps, to name what each chunk holds), starts it on a fresh seeded
// database (the e2e global setup), signs in through the real forms, and for each page reads the
// scripts its HTML loads and gzips them. For /etudiants it also prints the HTML and RSC sizes and how
// much of them the next-intl messages take. Prints sizes (deterministic for a given build); asserts nothing.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startBuiltApp } from "../e2e/setup/global-setup";
import teardown from "../e2e/setup/global-teardown";
import type { Browser, Page } from "playwright-core";
import { baseUrl, launchBrowser, newContext, signedInPage } from "../e2e/support/browser";
import { demoStudentIds, studentsWithoutAccess } from "../e2e/support/database";
import { lastEmailId, linkTokenIn, waitForEmails } from "../e2e/support/inbox";
import { choosePasswordAt } from "../e2e/support/portal";
import { bytesInHtml, gzipSize, messagesInPayload, originsOfChunk, payloadOfHtml, scriptsOfPage } from "./lib/page-weight";

const DIST_DIR = ".next-bundle";
const root = path.resolve(__dirname, "..");
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

type Chunk = { file: string; bytes: number; gzip: number; holds: string };
type PageWeight = { name: string; path: string; firstLoadJsGzip: number; firstLoadJs: number; chunks: Chunk[] };

/** A chunk's size without its source-map comment (absent from a build without maps), and what it holds. */
function chunkOf(src: string): Chunk {
  const file = path.join(root, DIST_DIR, src.replace(/^\/_next\//, ""));
  const text = readFileSync(file, "utf8");
  const mapName = text.match(/\n?\/\/# sourceMappingURL=(\S+)\s*$/);
  const code = mapName ? text.slice(0, mapName.index) : text;
  const mapFile = mapName && path.join(path.dirname(file), mapName[1]);
  let holds = "";
  if (mapFile && existsSync(mapFile)) {
    const origins = [...originsOfChunk(code, JSON.parse(readFileSync(mapFile, "utf8"))).entries()].sort((a, b) => b[1] - a[1]);
    const mapped = origins.reduce((sum, [, bytes]) => sum + bytes, 0) || 1;
    holds = origins
      .slice(0, 4)
      .map(([origin, bytes]) => `${origin} ${Math.round((100 * bytes) / mapped)}%`)
      .join(", ");
  }
  return { file: path.basename(src), bytes: Buffer.byteLength(code), gzip: gzipSize(code), holds };
}

async function get(pagePath: string, cookie: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${baseUrl()}${pagePath}`, { headers: { cookie, ...headers }, redirect: "manual" });
  // An RSC request is sent once more with the cache-busting `_rsc` parameter Next.js asks for.
  const location = response.headers.get("location");
  if (response.status === 307 && location?.includes("_rsc") && !pagePath.includes("_rsc")) return get(location, cookie, headers);
  if (response.status !== 200) throw new Error(`GET ${pagePath}: ${response.status} ${location ?? ""}`);
  return response.text();
}

async function weigh(name: string, pagePath: string, cookie: string): Promise<PageWeight> {
  const chunks = scriptsOfPage(await get(pagePath, cookie))
    .map(chunkOf)
    .sort((a, b) => b.gzip - a.gzip);
  const sum = (key: "gzip" | "bytes") => chunks.reduce((total, chunk) => total + chunk[key], 0);
  return { name, path: pagePath, firstLoadJsGzip: sum("gzip"), firstLoadJs: sum("bytes"), chunks };
}

/** A student's first visit: the emailed link (opening it never uses it up), then their home once the password is chosen. */
async function portalVisit(browser: Browser, staffPage: Page) {
  const [student] = await studentsWithoutAccess(1, 0);
  const before = await lastEmailId();
  await staffPage.goto(`/etudiants/${student.id}/espace-etudiant`);
  const card = staffPage.getByRole("region", { name: new RegExp(`${student.firstName} ${student.lastName}`) });
  await card.getByRole("button", { name: "Activer l'accès" }).click();
  await staffPage.getByRole("alertdialog").getByRole("button", { name: "Activer l'accès" }).click();
  const [email] = await waitForEmails(student.email!, 1, before);
  const link = `/activation/${linkTokenIn(email.text)}`;
  const activation = { ...(await weigh("Activation link", link, "")), path: "/activation/<token>" };
  const visitor = await newContext(browser);
  await choosePasswordAt(await visitor.newPage(), link, "un mot de passe assez long pour le banc");
  const home = await weigh("Espace étudiant (portal home)", "/espace-etudiant", cookieHeader(await visitor.cookies()));
  await visitor.close();
  return { activation, home };
}

/**
 * What a search, filter or page change downloads: the RSC payload the browser fetches for « Page
 * suivante ». The browser's own request is replayed with its headers (the router state tells Next
 * which layouts the browser already has): reading the answer inside the browser raced the
 * navigation it triggers ("response body is not available").
 */
async function listNavigationPayload(page: Page, cookie: string): Promise<string> {
  await page.goto("/etudiants");
  const [request] = await Promise.all([
    page.waitForRequest((sent) => {
      const headers = sent.headers();
      return headers.rsc === "1" && !headers["next-router-prefetch"] && new URL(sent.url()).pathname === "/etudiants";
    }),
    page.getByRole("button", { name: "Page suivante" }).click(),
  ]);
  const url = new URL(request.url());
  const { cookie: _browserCookie, ...headers } = await request.allHeaders();
  return get(`${url.pathname}${url.search}`, cookie, headers);
}

const cookieHeader = (jar: { name: string; value: string }[]) => jar.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");

function print(pages: PageWeight[], shared: string[]) {
  for (const page of pages) {
    console.log(
      `\n${page.name} — ${page.path}: first-load JS ${kB(page.firstLoadJsGzip)} gzipped (${kB(page.firstLoadJs)} raw, ${page.chunks.length} files)`,
    );
    for (const chunk of page.chunks.slice(0, 8)) {
      console.log(
        `  ${kB(chunk.gzip).padStart(9)}  ${chunk.file.padEnd(22)} ${shared.includes(chunk.file) ? "[shared] " : ""}${chunk.holds}`,
      );
    }
  }
}

async function main() {
  const { values } = parseArgs({ options: { json: { type: "string" } } });
  console.log(`Building into ${DIST_DIR} if the sources changed, then starting it on a fresh database…`);
  await startBuiltApp(DIST_DIR, { NEXT_BROWSER_SOURCE_MAPS: "1" });
  const browser = await launchBrowser();
  try {
    const staffSession = await signedInPage(browser, "direction");
    const staff = cookieHeader(await staffSession.context.cookies());
    const { firstSchool } = await demoStudentIds();
    const pages = [
      await weigh("Étudiants", "/etudiants", staff),
      await weigh("Student profile", `/etudiants/${firstSchool.id}`, staff),
      await weigh("Student's Espace étudiant", `/etudiants/${firstSchool.id}/espace-etudiant`, staff),
      await weigh("Staff sign-in", "/connexion", ""),
    ];
    const navigation = await listNavigationPayload(staffSession.page, staff);
    const portal = await portalVisit(browser, staffSession.page);
    await staffSession.context.close();
    pages.push(portal.activation, portal.home);

    const html = await get("/etudiants", staff);
    const rsc = await get("/etudiants", staff, { RSC: "1" });
    const messagesBytes = (payload: string) => messagesInPayload(payload).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    const messagesOfHtml = messagesInPayload(payloadOfHtml(html));
    const students = {
      htmlBytes: Buffer.byteLength(html),
      htmlGzip: gzipSize(html),
      messagesInHtmlBytes: messagesOfHtml.reduce((sum, text) => sum + bytesInHtml(text), 0),
      rscBytes: Buffer.byteLength(rsc),
      rscGzip: gzipSize(rsc),
      messagesInRscBytes: messagesBytes(rsc),
      pageChangeRscBytes: Buffer.byteLength(navigation),
      pageChangeRscGzip: gzipSize(navigation),
      messagesInPageChangeBytes: messagesBytes(navigation),
      messageNamespaces: messagesOfHtml.flatMap((text) => Object.keys(JSON.parse(text) as object)),
    };
    const staffPages = pages.slice(0, 3);
    const shared = staffPages[0].chunks
      .map((chunk) => chunk.file)
      .filter((file) => staffPages.every((page) => page.chunks.some((chunk) => chunk.file === file)));
    const sharedGzip = staffPages[0].chunks.filter((chunk) => shared.includes(chunk.file)).reduce((sum, chunk) => sum + chunk.gzip, 0);

    print(pages, shared);
    console.log(`\nShared by the staff pages: ${kB(sharedGzip)} gzipped in ${shared.length} files`);
    console.log(
      `\n/etudiants signed in: HTML ${kB(students.htmlBytes)} (${kB(students.htmlGzip)} gzipped), of which messages ${kB(students.messagesInHtmlBytes)}`,
    );
    console.log(
      `  RSC payload of the whole page ${kB(students.rscBytes)} (${kB(students.rscGzip)} gzipped), of which messages ${kB(students.messagesInRscBytes)}`,
    );
    console.log(
      `  RSC payload of « Page suivante » (as a search or filter) ${kB(students.pageChangeRscBytes)} (${kB(students.pageChangeRscGzip)} gzipped), of which messages ${kB(students.messagesInPageChangeBytes)}`,
    );
    console.log(`  message namespaces sent: ${students.messageNamespaces.join(", ") || "none"}`);
    if (values.json) {
      writeFileSync(
        values.json,
        `${JSON.stringify({ distDir: DIST_DIR, pages, sharedByStaffPages: { files: shared, gzip: sharedGzip }, students }, null, 2)}\n`,
      );
      console.log(`\nWrote ${values.json}`);
    }
  } finally {
    await browser.close();
    await teardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
