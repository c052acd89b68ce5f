import { expect, type Locator, type Page } from '@playwright/test';

/** /admin/promotions: the list and the new-promotion form. */
export class PromotionsAdminPage {
  readonly form: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'New promotion' });
    this.table = page.getByRole('table', { name: 'Promotions' });
  }

  async goto() {
    await this.page.goto('/admin/promotions');
    await expect(this.page.getByRole('heading', { name: 'Promotions', level: 1 })).toBeVisible();
  }

  /** A field by its label, which says "(optional)" when it may be left empty. */
  field(label: string): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.form.getByLabel(new RegExp(`^${escaped}( \\(optional\\))?$`));
  }

  async pickProducts(titles: string[]) {
    const box = this.form.getByRole('combobox', { name: /^Products/ });
    for (const title of titles) {
      await box.fill(title);
      await this.page.getByRole('option', { name: title, exact: true }).click();
    }
    await box.press('Escape');
  }

  async create(promotion: {
    title: string;
    gives: string;
    fields?: Record<string, string>;
    selects?: Record<string, string>;
    products?: string[];
  }) {
    // A fresh form for each (the last one's chosen products stay in it after a success).
    await this.goto();
    await this.form.getByLabel('Name shoppers see').fill(promotion.title);
    await this.form.getByLabel('What it gives').selectOption({ label: promotion.gives });
    for (const [label, value] of Object.entries(promotion.selects ?? {})) await this.field(label).selectOption({ label: value });
    for (const [label, value] of Object.entries(promotion.fields ?? {})) await this.field(label).fill(value);
    if (promotion.products) {
      await this.form.getByLabel('Applies to').selectOption({ label: 'Some products' });
      await this.pickProducts(promotion.products);
    }
    await this.form.getByRole('button', { name: 'Create promotion' }).click();
    await expect(this.form.getByRole('status')).toHaveText('Promotion created.');
    await expect(this.table.getByRole('rowheader', { name: promotion.title })).toBeVisible();
  }
}

/** /admin/customer-groups: groups and their members. */
export class CustomerGroupsAdminPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/admin/customer-groups');
    await expect(this.page.getByRole('heading', { name: 'Customer groups', level: 1 })).toBeVisible();
  }

  async createGroup(name: string) {
    const form = this.page.getByRole('form', { name: 'New customer group' });
    await form.getByLabel('Name').fill(name);
    await form.getByRole('button', { name: 'Create group' }).click();
    await expect(this.page.getByRole('heading', { name: new RegExp(`^${name}`), level: 2 })).toBeVisible();
  }

  /** Pastes emails into a group's form; answers the outcome it announced. */
  async addCustomers(group: string, emails: string): Promise<Locator> {
    const form = this.page.getByRole('form', { name: `Add a customer to ${group}` });
    await form.getByLabel('Customer emails').fill(emails);
    await form.getByRole('button', { name: 'Add customers' }).click();
    return form.getByRole('status');
  }

  members(group: string): Locator {
    return this.page.getByRole('list', { name: `Members of ${group}` });
  }
}

/** The cart's promotions block (cart page or drawer). */
export function cartPromotions(scope: Page | Locator): Locator {
  return scope.getByTestId('cart-promotions');
}
