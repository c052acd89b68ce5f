import { expect, type Locator, type Page } from '@playwright/test';

export function cartLink(page: Page): Locator {
  return page.getByRole('banner').getByRole('link', { name: /^Cart, \d+ items?$/ });
}

export class CartPage {
  readonly items: Locator;
  readonly subtotal: Locator;

  constructor(readonly page: Page) {
    this.items = page.getByRole('list', { name: 'Cart items' }).getByRole('listitem');
    this.subtotal = page.getByTestId('cart-subtotal');
  }

  async goto() {
    await this.page.goto('/cart');
  }

  item(title: string): Locator {
    return this.items.filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  async setQuantity(title: string, quantity: number) {
    const item = this.item(title);
    await item.getByLabel(/^Quantity/).fill(String(quantity));
    await item.getByLabel(/^Quantity/).press('Enter');
    await expect(item.getByRole('status')).toHaveText('Quantity updated.');
  }

  async checkout() {
    await this.page.getByRole('link', { name: 'Check out' }).click();
    await expect(this.page.getByRole('heading', { name: 'Checkout', level: 1 })).toBeVisible();
  }
}

export type ShippingDetails = { email?: string; name: string; line1: string; city: string; postalCode: string };

/** The one-page checkout: one form; the order summary re-prices itself on the server as fields change. */
export class CheckoutPage {
  /** The checkout form (address, shipping method, code and payment are one form now). */
  readonly details: Locator;
  /** Kept for specs written when delivery options were a form of their own: the same checkout form. */
  readonly delivery: Locator;
  readonly totals: Locator;

  constructor(readonly page: Page) {
    this.details = page.getByRole('form', { name: 'Checkout' });
    this.delivery = this.details;
    this.totals = page.getByTestId('order-totals');
  }

  /** The state, province, prefecture or region control, whichever the chosen country has. */
  region(): Locator {
    return this.details.getByLabel(/^(State|Province|Prefecture)/);
  }

  /** Waits until the summary shows the server's answer to the latest change. */
  async settled() {
    await expect(this.totals).not.toHaveAttribute('aria-busy', 'true', { timeout: 15_000 });
  }

  async chooseCountry(country: string) {
    await this.details.getByLabel('Country').selectOption(country);
    await this.settled();
  }

  async chooseRegion(region: string) {
    const field = this.region();
    if ((await field.evaluate((element) => element.tagName)) === 'SELECT') await field.selectOption(region);
    else await field.fill(region);
    await this.settled();
  }

  async chooseDelivery(options: { country: string; region?: string; method?: RegExp; code?: string }) {
    await this.chooseCountry(options.country);
    if (options.region) await this.chooseRegion(options.region);
    if (options.method) {
      await this.details.getByRole('radio', { name: options.method }).check();
      await this.settled();
    }
    if (options.code !== undefined) await this.applyCode(options.code);
  }

  async applyCode(code: string) {
    await this.details.getByLabel(/^Discount code/).fill(code);
    await this.details.getByRole('button', { name: 'Apply' }).click();
    await this.settled();
  }

  async fillDetails(details: ShippingDetails) {
    if (details.email !== undefined) await this.details.getByLabel('Email', { exact: true }).fill(details.email);
    await this.details.getByLabel('Full name').fill(details.name);
    await this.details.getByLabel('Street address').fill(details.line1);
    await this.details.getByLabel('City').fill(details.city);
    await this.details.getByLabel('Postal code').fill(details.postalCode);
  }

  async placeOrder() {
    await this.settled();
    await this.details.getByRole('button', { name: 'Place order' }).click();
    await expect(this.page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible();
  }
}

export class ConfirmationPage {
  readonly orderNumber: Locator;
  readonly emailNotice: Locator;

  constructor(readonly page: Page) {
    this.orderNumber = page.getByTestId('order-number');
    this.emailNotice = page.getByRole('status').filter({ hasText: 'confirmation email' });
  }
}

export class AccountPages {
  constructor(readonly page: Page) {}

  /** Creates an account, which lands signed in; then signs out again unless asked to stay (most journeys sign in later). */
  async register(email: string, password: string, name = 'E2E Shopper', options: { staySignedIn?: boolean } = {}) {
    await this.page.goto('/account/register');
    const form = this.page.getByRole('form', { name: 'Create an account' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(this.page.getByRole('heading', { name: 'Your account' })).toBeVisible({ timeout: 20_000 });
    if (options.staySignedIn) return;
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page).toHaveURL(/\/$/);
    // Signed out at any width (on a phone the header's account link is inside the menu): the account asks to sign in.
    await this.page.goto('/account');
    await expect(this.page.getByRole('form', { name: 'Sign in' })).toBeVisible();
  }

  async signIn(email: string, password: string) {
    await this.page.goto('/account/sign-in');
    const form = this.page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  }
}

export type BookAddress = { name: string; line1: string; city: string; postalCode: string; region?: string; country?: string };

/** /account/addresses: the customer's address book. */
export class AddressBook {
  readonly list: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: 'Saved addresses' });
    this.form = page.getByRole('form', { name: 'Add an address' });
  }

  async goto() {
    await this.page.goto('/account/addresses');
  }

  /**
   * Saves an address. `unlisted` is a country the form does not offer (the store does not ship there), sent as any
   * client could — what a book holds once the store stops shipping somewhere.
   */
  async add(address: BookAddress & { unlisted?: { code: string; name: string } }) {
    const country = this.form.getByLabel('Country');
    if (address.unlisted) {
      const { code, name } = address.unlisted;
      await country.evaluate((select: HTMLSelectElement, option) => select.add(new Option(option.name, option.code)), { code, name });
      await country.selectOption(code);
    } else if (address.country) {
      await country.selectOption(address.country);
    }
    await this.form.getByLabel('Full name').fill(address.name);
    await this.form.getByLabel('Street address').fill(address.line1);
    await this.form.getByLabel('City').fill(address.city);
    if (address.region) await this.form.getByLabel('State', { exact: true }).selectOption(address.region);
    await this.form.getByLabel('Postal code').fill(address.postalCode);
    await this.form.getByRole('button', { name: 'Save address' }).click();
    await expect(this.list.getByRole('listitem', { name: `${address.name}, ${address.line1}` })).toBeVisible();
  }
}
