import { expect, test } from './support/test';
import { CatalogPage } from './pages/catalog-page';

// Listings: with JavaScript a facet applies as soon as it changes (no "Apply" press), the active filters show as
// chips that each remove one, "Clear all" removes them all; on a phone the filters live in a drawer.

for (const width of [390, 1280]) {
  test(`at ${width} px a facet applies as it changes, shows as a chip, and Clear all removes every filter`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    const catalog = new CatalogPage(page);
    await catalog.gotoCategory('apparel');
    const all = await catalog.total();
    // Survives only if no full document load happens.
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'still here'));

    if (width === 390) {
      // The filters are not a long column above the products: the first product is on the first screen.
      await expect(catalog.results.first()).toBeInViewport();
      await page.getByRole('button', { name: 'Filters' }).click();
      await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
    }
    await expect(catalog.filters.getByRole('button', { name: 'Apply filters' })).toHaveCount(0);

    const group = (await catalog.filters.getByRole('group').first().locator('legend').textContent())!;
    const value = (await catalog.optionGroup(group).locator('label span').first().textContent())!;
    const expected = await catalog.facetCount(group, value);
    await catalog.check(group, value);
    await expect(page).toHaveURL(new RegExp(`opt\\.${group.toLowerCase()}=${encodeURIComponent(value)}`));
    await expect.poll(() => catalog.total()).toBe(expected);
    // The box stays ticked and focused: the form was not rebuilt under the shopper.
    const box = catalog.optionGroup(group).getByRole('checkbox', { name: new RegExp(`^${value}\\b`) });
    await expect(box).toBeChecked();
    await expect(box).toBeFocused();
    await expect(page).not.toHaveURL(/price_min=/);

    await catalog.inStockOnly().check();
    await expect(page).toHaveURL(/in_stock=1/);
    if (width === 390) {
      const dialog = page.getByRole('dialog', { name: 'Filters' });
      await dialog.getByRole('button', { name: /^Show \d+ products?$/ }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('button', { name: 'Filters (2)' })).toBeVisible();
    }

    const chips = page.getByRole('navigation', { name: 'Active filters' });
    await expect(chips.getByRole('link', { name: `${group}: ${value} (remove this filter)` })).toBeVisible();
    await chips.getByRole('link', { name: 'In stock only (remove this filter)' }).click();
    await expect(page).not.toHaveURL(/in_stock=1/);
    await expect.poll(() => catalog.total()).toBe(expected);

    await chips.getByRole('link', { name: 'Clear all' }).click();
    await expect(page).not.toHaveURL(/opt\./);
    await expect.poll(() => catalog.total()).toBe(all);
    await expect(chips).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here');
  });
}

test('a typed price range applies when the shopper leaves the field', async ({ page }) => {
  const catalog = new CatalogPage(page);
  await page.goto('/search');
  await catalog.filters.getByLabel('Max').fill('20');
  await catalog.filters.getByLabel('Max').press('Tab');
  await expect(page).toHaveURL(/price_max=20/);
  await expect(page).not.toHaveURL(/price_min=/);
  await expect(page.getByRole('navigation', { name: 'Active filters' }).getByRole('link', { name: /^Price: up to \$20\.00/ })).toBeVisible();
  const prices = await catalog.visiblePrices();
  expect(prices.length).toBeGreaterThan(0);
  expect(prices.every((price) => price <= 20)).toBe(true);
});

test('facet counts read as "N products" to a screen reader', async ({ page }) => {
  const catalog = new CatalogPage(page);
  await catalog.gotoCategory('apparel');
  const category = page.getByRole('navigation', { name: 'Category' }).getByRole('link').first();
  await expect(category).toHaveAccessibleName(/^[^\d]+ ?, \d+ products?$/);
  await expect(catalog.inStockOnly()).toHaveAccessibleName(/^In stock only ?, \d+ products?$/);
});
