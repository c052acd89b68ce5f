import { expect, type Locator, type Page } from '@playwright/test';
import type { BuyableVariant } from '../support/commerce';

export class ProductPage {
  readonly title: Locator;
  readonly purchase: Locator;
  readonly addToCart: Locator;
  readonly cartLink: Locator;
  /** The cart drawer that opens after an add (a modal dialog). */
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole('heading', { level: 1 });
    this.purchase = page.getByRole('form', { name: 'Add to cart' });
    this.addToCart = this.purchase.getByRole('button');
    this.cartLink = page.getByRole('link', { name: /^Cart,/ });
    this.drawer = page.getByRole('dialog', { name: 'Your cart' });
  }

  async goto(slug: string) {
    return this.page.goto(`/products/${slug}`);
  }

  /** The variant picker's link for one option value; its address names the whole combination it leads to. */
  optionLink(name: string, value: string) {
    const escaped = `${name} ${value}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // The accessible name may carry the state: "Size M (sold out)".
    return this.page.getByRole('link', { name: new RegExp(`^${escaped}( \\(.*\\))?$`, 'i') });
  }

  /** Picks option values the way a shopper does: by their links in the variant picker ({ Size: 'M', Colour: 'Black' }). */
  async choose(options: Record<string, string>) {
    for (const [name, value] of Object.entries(options)) {
      const link = this.optionLink(name, value);
      if ((await link.getAttribute('aria-current')) !== 'true') {
        await link.click();
        await expect(link).toHaveAttribute('aria-current', 'true');
      }
    }
  }

  async addAndOpenDrawer(quantity: number) {
    await this.purchase.getByLabel('Quantity').fill(String(quantity));
    await this.addToCart.click();
    await expect(this.purchase.getByRole('status').filter({ hasText: 'Added to your cart' })).toBeVisible();
  }

  /** Adds, checks the drawer opened, and closes it again (journeys that carry on shopping). */
  async add(quantity: number) {
    await this.addAndOpenDrawer(quantity);
    await this.closeDrawer();
  }

  async closeDrawer() {
    await expect(this.drawer).toBeVisible();
    await this.page.keyboard.press('Escape');
    await expect(this.drawer).toBeHidden();
  }

  async buy(variant: BuyableVariant, quantity: number) {
    await this.goto(variant.slug);
    await this.choose(variant.options);
    await this.add(quantity);
  }
}
