import type { Locator, Page } from '@playwright/test';

export class ProductPage {
  readonly title: Locator;
  readonly addToCart: Locator;
  readonly quantity: Locator;
  readonly cartLink: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole('heading', { level: 1 });
    this.addToCart = page.getByRole('form', { name: 'Add to cart' }).getByRole('button');
    this.quantity = page.getByLabel('Quantity');
    this.cartLink = page.getByRole('link', { name: /^Cart,/ });
  }

  async goto(slug: string) {
    return this.page.goto(`/products/${slug}`);
  }

  /** Picks option values as a shopper does, one link per value ({ size: 'M', colour: 'Black' }). */
  async choose(options: Record<string, string>) {
    for (const [name, value] of Object.entries(options)) {
      await this.page
        .getByRole('link', { name: new RegExp(`^${name} ${value}( \\(|$)`, 'i') })
        .click();
      await this.page.waitForURL(new RegExp(`${name}=${encodeURIComponent(value).replace(/%20/g, '(\\+|%20)')}`, 'i'));
    }
  }
}
