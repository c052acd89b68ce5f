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

export class CheckoutPage {
  readonly delivery: Locator;
  readonly details: Locator;
  readonly totals: Locator;

  constructor(readonly page: Page) {
    this.delivery = page.getByRole('form', { name: 'Delivery options' });
    this.details = page.getByRole('form', { name: 'Checkout' });
    this.totals = page.getByTestId('order-totals');
  }

  async chooseDelivery(options: { country: string; region: string; method?: RegExp; code?: string }) {
    await this.delivery.getByLabel('Country').selectOption(options.country);
    await this.delivery.getByLabel('State / region').fill(options.region);
    if (options.code !== undefined) await this.delivery.getByLabel('Discount code').fill(options.code);
    await this.delivery.getByRole('button', { name: 'Update order summary' }).click();
    await expect(this.page).toHaveURL(new RegExp(`country=${options.country}`));
    if (options.method) {
      await this.delivery.getByRole('radio', { name: options.method }).check();
      await this.delivery.getByRole('button', { name: 'Update order summary' }).click();
      await expect(this.page).toHaveURL(/rate=/);
    }
  }

  async fillDetails(details: ShippingDetails) {
    if (details.email !== undefined) await this.details.getByLabel('Email', { exact: true }).fill(details.email);
    await this.details.getByLabel('Full name').fill(details.name);
    await this.details.getByLabel('Street address').fill(details.line1);
    await this.details.getByLabel('City').fill(details.city);
    await this.details.getByLabel('Postal code').fill(details.postalCode);
  }

  async placeOrder() {
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

  async register(email: string, password: string, name = 'E2E Shopper') {
    await this.page.goto('/account/register');
    const form = this.page.getByRole('form', { name: 'Create an account' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(form.getByRole('status')).toContainText('you can now sign in');
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
