import { expect, type Locator, type Page } from '@playwright/test';

/** The customer's return request form (account order page → "Return or exchange items", or the guest page). */
export class ReturnRequestPage {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Request a return' });
  }

  async open(orderNumber: string) {
    await this.page.goto(`/account/orders/${orderNumber}`);
    await this.page.getByRole('link', { name: 'Return or exchange items' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: `Return items from ${orderNumber}` })).toBeVisible();
  }

  item(name: string): Locator {
    return this.form.getByRole('group', { name });
  }

  async returnItem(name: string, quantity: number, exchangeFor?: string) {
    const item = this.item(name);
    await item.getByLabel('Quantity to return').selectOption(String(quantity));
    if (exchangeFor) await item.getByLabel('Refund or exchange').selectOption({ label: `Exchange for ${exchangeFor}` });
  }

  /** Sends the request; the customer lands on the new return's page. Answers its number. */
  async submit(reason: string, comment: string): Promise<string> {
    await this.form.getByLabel('Reason').selectOption(reason);
    await this.form.getByLabel('Comment (optional)').fill(comment);
    await this.form.getByRole('button', { name: 'Request return' }).click();
    const done = this.page.getByRole('status').filter({ hasText: /^Return RT-[0-9A-Z]{8} requested\. We have emailed you the instructions\.$/ });
    await expect(done).toBeVisible({ timeout: 15_000 });
    return (await done.textContent())!.match(/RT-[0-9A-Z]{8}/)![0];
  }
}

/** /admin/returns/[number]: the return and the next step staff can take. */
export class AdminReturnPage {
  readonly steps: Locator;

  constructor(readonly page: Page) {
    this.steps = page.getByRole('region', { name: 'Next step' });
  }

  async goto(number: string) {
    await this.page.goto(`/admin/returns/${number}`);
    await expect(this.page.getByRole('heading', { level: 1, name: `Return ${number}` })).toBeVisible();
  }

  toast(text: string | RegExp): Locator {
    return this.page.getByRole('region', { name: /^Notifications/ }).getByText(text);
  }

  async approve() {
    await this.steps.getByRole('form', { name: 'Approve return' }).getByRole('button', { name: 'Approve return' }).click();
    // The page moves on to the next step (the form that was used is gone with it): the status says what happened.
    await expect(this.status).toHaveText('Approved');
  }

  async receive(dispositions: Record<string, 'Restock' | 'Write off (damaged)'>) {
    const form = this.steps.getByRole('form', { name: 'Receive return' });
    for (const [item, choice] of Object.entries(dispositions)) await form.getByLabel(item).selectOption({ label: choice });
    await form.getByRole('button', { name: 'Mark received' }).click();
    await expect(this.status).toHaveText('Received');
  }

  get timeline(): Locator {
    return this.page.getByRole('list', { name: 'Return timeline' });
  }

  async complete(refundTo: 'Original payment' | 'Store credit') {
    const form = this.steps.getByRole('form', { name: 'Complete return' });
    await form.getByLabel('Refund to').selectOption({ label: refundTo });
    await form.getByRole('button', { name: 'Complete return' }).click();
    await expect(this.status).toHaveText('Completed', { timeout: 15_000 });
  }

  get status(): Locator {
    return this.page.getByTestId('return-status');
  }

  get refunded(): Locator {
    return this.page.getByTestId('return-refunded');
  }
}
