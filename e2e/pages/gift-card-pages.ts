import { expect, type Locator, type Page } from '@playwright/test';

/** The product page of a gift card: its recipient fields, inside the "Add to cart" form. */
export class GiftCardProductPage {
  readonly purchase: Locator;

  constructor(readonly page: Page) {
    this.purchase = page.getByRole('form', { name: 'Add to cart' });
  }

  async sendTo(recipient: { email: string; name: string; message: string }) {
    const gift = this.purchase.getByRole('group', { name: 'Send it as a gift' });
    await gift.getByLabel('Recipient email').fill(recipient.email);
    await gift.getByLabel('Recipient name').fill(recipient.name);
    await gift.getByLabel(/^Message/).fill(recipient.message);
  }
}

/** The checkout's gift card field and what the order summary says about it. */
export class CheckoutGiftCards {
  readonly field: Locator;
  readonly applied: Locator;
  readonly totals: Locator;

  constructor(readonly page: Page) {
    this.field = page.getByRole('form', { name: 'Checkout' }).getByLabel('Gift card (optional)');
    this.applied = page.getByRole('list', { name: 'Applied gift cards' });
    this.totals = page.getByTestId('order-totals');
  }

  async apply(code: string) {
    await this.field.fill(code);
    await this.page.getByRole('button', { name: 'Use gift card' }).click();
    await expect(this.totals).not.toHaveAttribute('aria-busy', 'true', { timeout: 15_000 });
  }

  /** A summary row's amount ("Gift card •••• 7K3F", "To pay"), as shown. */
  row(label: string | RegExp): Locator {
    return this.totals.locator('div').filter({ has: this.page.getByText(label, { exact: typeof label === 'string' }) }).last().locator('dd');
  }
}

/** /gift-cards/balance */
export class GiftCardBalancePage {
  readonly form: Locator;
  readonly balance: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Check a gift card balance' });
    this.balance = page.getByTestId('gift-card-balance');
  }

  async check(code: string) {
    await this.page.goto('/gift-cards/balance');
    await this.form.getByLabel('Gift card code').fill(code);
    await this.form.getByRole('button', { name: 'Check balance' }).click();
  }
}
