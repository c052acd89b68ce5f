import { expect, type Locator, type Page } from '@playwright/test';

/** /admin/orders: the list, its filters (they apply as they change) and its bulk moves. */
export class AdminOrdersList {
  readonly filters: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.filters = page.getByRole('search', { name: 'Filter orders' });
    this.table = page.getByRole('table', { name: 'Orders' });
  }

  async search(text: string) {
    await this.filters.getByLabel('Search').fill(text);
    await expect(this.page).toHaveURL((url) => url.searchParams.get('q') === text);
    await expect(this.filters).toHaveAttribute('aria-busy', 'false');
  }

  row(number: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name: number }) });
  }

  async select(number: string) {
    await this.table.getByRole('checkbox', { name: `Select ${number}` }).check();
  }

  async markSelectedPaid() {
    await this.page.getByRole('button', { name: 'Mark paid' }).click();
  }

  /** Opens "Fulfil selected", names the carrier and each ticked order's tracking number, and ships them. */
  async fulfilSelected(carrier: string, tracking: Record<string, string>) {
    await this.page.getByRole('button', { name: 'Fulfil selected' }).click();
    const form = this.page.getByRole('dialog', { name: 'Fulfil selected orders' }).getByRole('form', { name: 'Fulfil selected orders' });
    await form.getByLabel('Carrier').fill(carrier);
    for (const [number, trackingNumber] of Object.entries(tracking)) await form.getByLabel(`Tracking for ${number}`).fill(trackingNumber);
    await form.getByRole('button', { name: 'Fulfil orders' }).click();
  }

  /** The notice listing the orders a bulk move skipped, with why. */
  skipped(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^Skipped/ });
  }

  async open(number: string) {
    await this.table.getByRole('link', { name: number }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
  }
}

/** /admin/orders/[number]: one order and the moves staff can make on it. */
export class AdminOrderPage {
  readonly actions: Locator;
  readonly timeline: Locator;

  constructor(readonly page: Page) {
    this.actions = page.getByRole('region', { name: 'Actions' });
    this.timeline = page.getByRole('list', { name: 'Timeline' });
  }

  async goto(number: string) {
    await this.page.goto(`/admin/orders/${number}`);
    await expect(this.page.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
  }

  /** The order's state chips ("Status: Paid", "Payment: Partially refunded", "Shipping: Shipped"). */
  get summary(): Locator {
    return this.page.locator('main header');
  }

  async markPaid() {
    const form = this.actions.getByRole('form', { name: 'Mark as paid' });
    await form.getByRole('button', { name: 'Mark as paid' }).click();
    await expect(form.getByRole('status')).toHaveText('Marked as paid.');
  }

  refundForm(): Locator {
    return this.actions.getByRole('form', { name: 'Refund' });
  }

  async refund(amount: string) {
    const form = this.refundForm();
    await form.getByLabel(/^Amount/).fill(amount);
    await form.getByRole('button', { name: 'Refund' }).click();
  }

  async ship(carrier: string, trackingNumber: string) {
    const form = this.actions.getByRole('form', { name: 'Ship items' });
    await form.getByLabel('Carrier').fill(carrier);
    await form.getByLabel('Tracking number').fill(trackingNumber);
    await form.getByRole('button', { name: 'Mark shipped' }).click();
    await expect(form.getByRole('status')).toHaveText('Shipped. The customer has been emailed the tracking number.');
  }

  /** The items: a table from 768 px up, a list of cards on a phone. */
  get itemsTable(): Locator {
    return this.page.getByRole('table', { name: 'Items in this order' });
  }

  get itemCards(): Locator {
    return this.page.getByRole('list', { name: 'Items' });
  }

  /** Adds an internal note from the timeline's form and waits for the panel to confirm it. */
  async addNote(text: string) {
    const form = this.page.getByRole('form', { name: 'Add an internal note' });
    await form.getByLabel('Internal note').fill(text);
    await form.getByRole('button', { name: 'Add note' }).click();
    await expect(this.page.getByRole('region', { name: /^Notifications/ }).getByText('Note added to the timeline.', { exact: true })).toBeVisible();
  }

  /** A note on the timeline, as staff see it (marked "Internal note", with its author). */
  note(text: string): Locator {
    return this.timeline.getByRole('listitem').filter({ hasText: 'Internal note' }).filter({ hasText: text });
  }

  /** A shipment's tracking number, a link to the carrier's page when the carrier is known. */
  trackingLink(trackingNumber: string): Locator {
    return this.page.getByRole('list', { name: 'Shipments' }).getByRole('link', { name: new RegExp(`^${trackingNumber}`) });
  }

  async resendConfirmation() {
    const form = this.page.getByRole('form', { name: 'Resend confirmation email' });
    await form.getByRole('button', { name: 'Resend confirmation email' }).click();
    await expect(this.page.getByRole('region', { name: /^Notifications/ }).getByText(/^Confirmation (email sent|stored) again/)).toBeVisible();
  }

  cancelForm(): Locator {
    return this.actions.getByRole('form', { name: 'Cancel order' });
  }

  async cancel(reason: string) {
    const form = this.cancelForm();
    await form.getByLabel(/^Reason/).fill(reason);
    await form.getByRole('button', { name: 'Cancel order' }).click();
  }
}
