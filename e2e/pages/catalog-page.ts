import { expect, type Locator, type Page } from '@playwright/test';

/** A facet label reads "M, 23 products" to assistive technology (the on-screen number is hidden from it). */
function countIn(text: string): number {
  return Number(text.match(/, ([\d,]+) products?$/)?.[1]?.replace(/,/g, '') ?? NaN);
}

/** A category or search results page: filters, sort, results, pagination. */
export class CatalogPage {
  readonly heading: Locator;
  readonly resultCount: Locator;
  readonly results: Locator;
  readonly filters: Locator;
  readonly sort: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.resultCount = page.locator('#results-heading');
    this.results = page.getByRole('list', { name: 'Products' }).getByRole('listitem');
    this.filters = page.getByRole('form', { name: 'Filter products' });
    this.sort = page.getByLabel('Sort by');
  }

  async gotoCategory(slug: string) {
    return this.page.goto(`/categories/${slug}`);
  }

  /** The number of results the page announces ("23 products"). */
  async total(): Promise<number> {
    const text = (await this.resultCount.textContent()) ?? '';
    return Number(text.replace(/,/g, '').match(/^(\d+)/)?.[1] ?? NaN);
  }

  optionGroup(name: string) {
    return this.filters.getByRole('group', { name });
  }

  /** The count shown beside an option value, e.g. Size → M (23). */
  async facetCount(group: string, value: string): Promise<number> {
    const label = this.optionGroup(group).locator('label').filter({ has: this.page.getByText(value, { exact: true }) });
    return countIn((await label.textContent()) ?? '');
  }

  /** The count beside "In stock only". */
  async inStockCount(): Promise<number> {
    return countIn((await this.filters.locator('label').filter({ hasText: 'In stock only' }).textContent()) ?? '');
  }

  async check(group: string, value: string) {
    await this.optionGroup(group).getByRole('checkbox', { name: new RegExp(`^${value}\\b`) }).check();
  }

  inStockOnly() {
    return this.filters.getByRole('checkbox', { name: /In stock only/ });
  }

  async visiblePrices(): Promise<number[]> {
    const texts = await this.results.locator('p').filter({ hasText: '$' }).allTextContents();
    return texts.map((text) => Number(text.match(/\$([\d,]+\.\d{2})/)?.[1]?.replace(/,/g, '') ?? NaN));
  }

  async search(text: string) {
    const box = this.page.getByRole('combobox', { name: 'Search products' });
    await box.fill(text);
    await box.press('Enter');
    await expect(this.page).toHaveURL(/\/search\?q=/);
  }
}
