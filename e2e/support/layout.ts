// Layout checks run inside the page, shared by the tests that hold a page to a screen's width.
import type { Page } from "playwright-core";

/** Whether the page scrolls sideways at its current width: null, or the outermost elements past its right edge. */
export async function scrollsSideways(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const past = Array.from(document.body.querySelectorAll("*")).filter(
      (element) => element.getBoundingClientRect().right > root.clientWidth,
    );
    const outermost = past.filter((element) => !past.some((other) => other !== element && element.contains(other)));
    return `${root.scrollWidth} px: ${outermost
      .slice(0, 3)
      .map((element) => `<${element.tagName.toLowerCase()} class="${element.getAttribute("class")}">`)
      .join(", ")}`;
  });
}
