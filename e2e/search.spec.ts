import { expect, test } from './support/test';
import { axeViolations } from './support/axe';
import { HeaderSearch } from './pages/header-search';
import { sidewaysOverflow } from './support/layout';

// Search as a shopper meets it: suggestions while typing in the header (keyboard and pointer), a transposed word
// that still finds the product, and a search that finds nothing — at phone and desktop widths.

for (const [device, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 900 }],
] as const) {
  test.describe(`search on a ${device}`, () => {
    test.use({ viewport });

    test('typing shows suggestions; arrow keys and Enter pick a query, then a product', async ({ page }) => {
      test.slow();
      const search = new HeaderSearch(page);
      await page.goto('/');
      await search.type('jac');
      await expect(search.list).toBeVisible();
      await expect(search.box).toHaveAttribute('aria-expanded', 'true');
      const products = search.group('Products').getByRole('option');
      await expect(products.first()).toContainText(/jacket/i);
      await expect(products.first()).toContainText('$');
      await expect(products.first().locator('img')).toBeVisible();
      await expect(search.group('Suggestions').getByRole('option', { name: 'jacket' })).toBeVisible();
      // The open combobox passes axe too, and screen readers hear how many suggestions there are.
      expect(await axeViolations(page)).toEqual([]);
      await expect(page.getByRole('status').filter({ hasText: /^\d+ suggestions?, use the arrow keys to choose$/ })).toHaveCount(1);

      // The popup fits the screen: nothing scrolls sideways, on a phone either.
      const popup = await search.list.boundingBox();
      expect(popup!.x).toBeGreaterThanOrEqual(0);
      expect(popup!.x + popup!.width).toBeLessThanOrEqual(viewport.width);
      const overflow = await sidewaysOverflow(page);
      expect(overflow.scrollWidth, `sticking out: ${overflow.culprits.join(' | ')}`).toBeLessThanOrEqual(overflow.innerWidth);

      // End and Home jump to the last and the first suggestion; Escape closes the list and keeps the text.
      const options = search.list.getByRole('option');
      await search.box.press('End');
      await expect(search.box).toHaveAttribute('aria-activedescendant', (await options.last().getAttribute('id'))!);
      await search.box.press('Home');
      await expect(search.box).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!);
      await search.box.press('Escape');
      await expect(search.list).toBeHidden();
      await expect(search.box).toHaveAttribute('aria-expanded', 'false');
      await expect(search.box).toHaveValue('jac');

      // ↓ onto the "jacket" query, Enter: the search page, with the text kept in the header box.
      await search.arrowTo(/^jacket$/);
      await search.box.press('Enter');
      await expect(page).toHaveURL(/\/search\?q=jacket$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “jacket”');
      await expect(search.box).toHaveValue('jacket');
      const results = page.getByRole('list', { name: 'Products' }).getByRole('heading', { level: 3 });
      await expect(results.first()).toContainText(/jacket/i);

      // A product straight from the suggestions.
      await search.type('kettleb');
      await expect(search.group('Products').getByRole('option').first()).toContainText(/kettlebell/i);
      // Past the "kettlebell" query suggestion to the first product (it shows a price).
      const product = await search.arrowTo(/kettlebell.*\$/i);
      const title = (await product.locator('span.font-medium').textContent())!;
      await search.box.press('Enter');
      await expect(page).toHaveURL(/\/products\//);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    });

    test('a transposed word finds the product; Escape closes the suggestions', async ({ page }) => {
      const search = new HeaderSearch(page);
      await page.goto('/');
      await search.type('jakcet');
      await expect(search.group('Products').getByRole('option').first()).toContainText(/jacket/i);
      await search.box.press('Escape');
      await expect(search.list).toBeHidden();
      await expect(search.box).toHaveValue('jakcet');
      await search.box.press('Enter');
      await expect(page).toHaveURL(/\/search\?q=jakcet$/);
      await expect(page.getByText('Showing results for jacket.')).toBeVisible();
      const titles = await page.getByRole('list', { name: 'Products' }).getByRole('heading', { level: 3 }).allTextContents();
      expect(titles.length).toBeGreaterThan(0);
      expect(titles.every((title) => /jacket/i.test(title))).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    });

    test('nothing found: did-you-mean from the catalogue, best sellers, no filters; the query stays in the box', async ({ page }) => {
      const search = new HeaderSearch(page);
      await page.goto('/search?q=bkot');
      await expect(search.box).toHaveValue('bkot');
      await expect(page.getByText('No products match “bkot”.')).toBeVisible();
      await expect(page.getByRole('form', { name: 'Filter products' })).toHaveCount(0);
      await expect(page.getByRole('list', { name: 'Popular products' }).getByRole('listitem')).toHaveCount(8);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'boot', exact: true }).click();
      await expect(page).toHaveURL(/\/search\?q=boot$/);
      await expect(search.box).toHaveValue('boot');
      const titles = await page.getByRole('list', { name: 'Products' }).getByRole('heading', { level: 3 }).allTextContents();
      expect(titles.length).toBeGreaterThan(0);
      expect(titles.filter((title) => /book|bottle|butter/i.test(title))).toEqual([]);
    });
  });
}
