import { expect, type Locator, type Page } from '@playwright/test';

/** The storefront's country/currency choice: the footer's selector and a first visit's suggestion. */
export class MarketSelector {
  readonly form: Locator;
  readonly suggestion: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Country and currency' });
    this.suggestion = page.getByRole('region', { name: 'Suggested market' });
  }

  /** Picks a market by its label ("Euro area · EUR €") and waits for the outcome to be announced. */
  async choose(label: RegExp) {
    await this.form.getByLabel('Shipping to / currency').selectOption({ label: await this.optionLabel(label) });
    await this.form.getByRole('button', { name: 'Update' }).click();
    await expect(this.form.getByRole('status')).toContainText('Now shopping in');
  }

  private async optionLabel(label: RegExp): Promise<string> {
    const options = await this.form.getByLabel('Shipping to / currency').locator('option').allTextContents();
    const found = options.find((option) => label.test(option));
    if (!found) throw new Error(`no market option matches ${label}: ${options.join(' | ')}`);
    return found;
  }
}

/** Admin → Markets: the list, a market's page and its explicit prices. */
export class AdminMarkets {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/admin/markets');
    await expect(this.page.getByRole('heading', { name: 'Markets', level: 1 })).toBeVisible();
  }

  async open(name: string) {
    await this.page.getByRole('table').getByRole('link', { name }).click();
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }

  async setPrice(sku: string, price: string) {
    const form = this.page.getByRole('form', { name: 'Set a price' });
    await form.getByLabel('Variant SKU').fill(sku);
    await form.getByLabel(/^Price \(/).fill(price);
    await form.getByRole('button', { name: 'Set price' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Price set.' }).first()).toBeVisible();
  }
}

/** The product editor's "Prices in other markets": each market's prices for the product's variants. */
export class ProductMarketPricesPanel {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Prices in other markets' });
  }

  market(name: string): Locator {
    return this.section.getByRole('region', { name: new RegExp(`^${name} \\(`) });
  }

  row(market: string, sku: string): Locator {
    return this.market(market).getByRole('row').filter({ hasText: sku });
  }

  async setPrice(market: string, sku: string, price: string) {
    const form = this.market(market).getByRole('form', { name: `Set a price in ${market}` });
    await form.getByLabel('Variant').selectOption({ value: sku });
    await form.getByLabel(/^Price \(/).fill(price);
    await form.getByRole('button', { name: /^Set [A-Z]{3} price$/ }).click();
    await expect(this.page.getByRole('status').filter({ hasText: `Price in ${market} set.` }).first()).toBeVisible();
  }
}
