// axe-core run inside the page (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA), its violations as readable lines.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Violation = { id: string; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] };

/** Runs axe on the page as it is now; one line per failing element: rule, target, what to fix. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  // Judge the page as it settles, not halfway through a transition (a button fading from its disabled
  // colour has a contrast no one reads): wait for every animation that ends (not spinners).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map(({ id, help, nodes }) => ({
      id,
      help,
      nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })),
    }));
  }, WCAG_TAGS);
  return violations.flatMap(({ id, help, nodes }) =>
    nodes.map(
      // The element's opening tag too: a target such as ".h-8" does not say which button it is.
      ({ target, html, failureSummary }) =>
        `${id} (${help}) at ${JSON.stringify(target)} ${html.slice(0, 160)}: ${(failureSummary ?? "").replace(/\s+/g, " ")}`,
    ),
  );
}

/** Fails with axe's violations on `page`, named by `state` so the failing state shows in the diff. */
export async function expectNoViolations(page: Page, state: string): Promise<void> {
  const violations = await axeViolations(page);
  expect({ state, violations }).toEqual({ state, violations: [] });
}

/** Every state is checked on a desktop and on a 390 px wide phone. */
export const VIEWPORTS = [
  { label: "desktop", width: 1280, height: 900 },
  { label: "390 px", width: 390, height: 844 },
];
