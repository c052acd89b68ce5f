import { expect, type Page } from '@playwright/test';

/**
 * The page's own content (everything in <main>) fits the viewport: nothing reaches past its right edge, and the
 * document does not scroll sideways.
 */
export async function expectNoSidewaysScroll(page: Page, what = page.url()) {
  const { right, scrollWidth, innerWidth } = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    let max = main.getBoundingClientRect().right;
    for (const element of main.querySelectorAll('*')) max = Math.max(max, element.getBoundingClientRect().right);
    return { right: Math.ceil(max + window.scrollX), scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth };
  });
  expect(right, `${what}: content reaches past the viewport`).toBeLessThanOrEqual(innerWidth);
  expect(scrollWidth, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}
