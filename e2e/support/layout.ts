import { expect, type Page } from '@playwright/test';

/**
 * The page's own content (everything in <main>) fits the viewport: nothing reaches past its right edge (except
 * inside a box that scrolls sideways on its own), and the document does not scroll sideways.
 */
export async function expectNoSidewaysScroll(page: Page, what = page.url()) {
  const { right, scrollWidth, innerWidth } = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    // Content inside a box that scrolls sideways (a wide table in its scroll region) counts up to that
    // box's edge: it is scrolled within the box, not the page.
    const clipEdge = new Map<Element, number>();
    const edgeOf = (element: Element): number => {
      const parent = element.parentElement;
      if (!parent || parent === main.parentElement) return Infinity;
      let edge = clipEdge.get(parent);
      if (edge === undefined) {
        const scrolls = ['auto', 'scroll'].includes(getComputedStyle(parent).overflowX);
        const own = scrolls ? parent.getBoundingClientRect().right : Infinity;
        edge = Math.min(own, edgeOf(parent));
        clipEdge.set(parent, edge);
      }
      return edge;
    };
    let max = main.getBoundingClientRect().right;
    for (const element of main.querySelectorAll('*')) max = Math.max(max, Math.min(element.getBoundingClientRect().right, edgeOf(element)));
    return { right: Math.ceil(max + window.scrollX), scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth };
  });
  expect(right, `${what}: content reaches past the viewport`).toBeLessThanOrEqual(innerWidth);
  expect(scrollWidth, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}

/**
 * How far the document scrolls sideways, and, when it does, the elements that stick out past the viewport's right
 * edge with no child that does (the ones to fix), described as tag.class "text" — so a failure says what to look at.
 */
export async function sidewaysOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const sticksOut = (element: Element) => element.getBoundingClientRect().right + window.scrollX > innerWidth + 0.5;
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((element) => sticksOut(element) && ![...element.children].some(sticksOut))
      .slice(0, 5)
      .map((element) => {
        const classes = typeof element.className === 'string' ? element.className.trim().split(/\s+/).slice(0, 6).join('.') : '';
        const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
        return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''} "${text}" (right ${Math.round(element.getBoundingClientRect().right)})`;
      });
    return { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth, culprits };
  });
}
