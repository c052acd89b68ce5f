import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { expect, test, watchCsp } from './support/test';
import { axeViolations } from './support/axe';
import { AdminShell } from './pages/admin-shell';
import { HeaderSearch } from './pages/header-search';

// A merchant teaches search a phrase under /admin/search: shoppers find products through it at once (the cached
// pages and suggestions are dropped), and once the group is deleted the phrase finds nothing again. A refused group
// keeps what was typed. At phone and desktop widths.

/** Letters only, so the made-up word is one word to the stemmer and no other spec's query can meet it. */
const madeUpWord = () => `zib${[...randomBytes(4)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('')}`;

/** A shopper with no session, who gets the page cache as any visitor does. */
async function shopper(browser: Browser, viewport: { width: number; height: number }, violations: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await watchCsp(context, violations);
  return context.newPage();
}

const results = (page: Page) => page.getByRole('list', { name: 'Products' }).getByRole('heading', { level: 3 });

for (const [device, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 900 }],
] as const) {
  test.describe(`search synonyms on a ${device}`, () => {
    test.use({ viewport });

    test('an added phrase finds products at once, a refused one keeps what was typed, a deleted one stops matching', async ({ page, browser }) => {
      test.slow();
      const phrase = `${madeUpWord()} weights`;
      const visitorViolations: string[] = [];
      const visitor = await shopper(browser, viewport, visitorViolations);
      const search = `/search?${new URLSearchParams({ q: phrase })}`;

      // Before: nothing, and that answer is now what the page cache holds.
      await visitor.goto(search);
      await expect(visitor.getByText(`No products match “${phrase}”.`)).toBeVisible();

      await new AdminShell(page).signIn(undefined, '/admin/search');
      await page.goto('/admin/search');
      await expect(page.getByRole('heading', { level: 1, name: 'Search synonyms' })).toBeVisible();
      const form = page.getByRole('form', { name: 'New synonym group' });
      const terms = form.getByLabel('Terms');

      // One term is not a group: refused, with the text kept for correcting.
      await terms.fill(phrase);
      await form.getByRole('button', { name: 'Add synonyms' }).click();
      await expect(form.getByText('Enter at least two terms, separated by commas.')).toBeVisible();
      await expect(terms).toHaveValue(phrase);
      await expect(terms).toHaveAttribute('aria-invalid', 'true');
      // A term with a character search cannot read: refused too, the whole text kept.
      await terms.fill(`${phrase}, kettle<bell>`);
      await form.getByRole('button', { name: 'Add synonyms' }).click();
      await expect(form.getByText('Terms are letters, numbers, spaces, hyphens and apostrophes.')).toBeVisible();
      await expect(terms).toHaveValue(`${phrase}, kettle<bell>`);
      expect(await axeViolations(page)).toEqual([]);

      // Corrected: written as a merchant might (capitals, extra spaces), saved as the list shows it.
      await terms.fill(`${phrase.toUpperCase()} ,  Kettlebell`);
      await form.getByRole('button', { name: 'Add synonyms' }).click();
      await expect(form.getByRole('status')).toHaveText('Synonyms added.');
      const group = page.getByRole('form', { name: `Synonyms: ${phrase}, kettlebell` });
      await expect(group.getByRole('textbox')).toHaveValue(`${phrase}, kettlebell`);
      expect(await axeViolations(page)).toEqual([]);

      // The shopper's next look finds the kettlebells through the phrase: the search page…
      await visitor.goto(search);
      await expect(results(visitor).first()).toBeVisible();
      const titles = await results(visitor).allTextContents();
      expect(titles.every((title) => /kettlebell/i.test(title))).toBe(true);
      // …and the header's suggestions.
      const header = new HeaderSearch(visitor);
      await header.type(phrase);
      await expect(header.group('Products').getByRole('option').first()).toContainText(/kettlebell/i);
      expect(await axeViolations(visitor)).toEqual([]);

      // Deleted: the phrase finds nothing again, at once.
      await page.getByRole('form', { name: `Delete the synonyms ${phrase}, kettlebell` }).getByRole('button', { name: 'Delete' }).click();
      await expect(group).toHaveCount(0);
      await visitor.goto(search);
      await expect(visitor.getByText(`No products match “${phrase}”.`)).toBeVisible();
      expect(visitorViolations).toEqual([]);
      await visitor.context().close();
    });
  });
}
