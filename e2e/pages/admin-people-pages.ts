import { expect, type Locator, type Page } from '@playwright/test';
import * as OTPAuth from 'otpauth';

// Page objects for the admin's people, security, discounts and audit-log pages, and the two-step sign-in.

/** The 6-digit code an authenticator app would show now for this base32 secret. */
export function totpCode(secret: string, timestamp = Date.now()): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp });
}

/** Waits until the next 30-second TOTP step starts, so a fresh code exists (a used one is refused until then). */
export async function waitForNextTotpStep(page: Page) {
  const msLeft = 30_000 - (Date.now() % 30_000);
  await page.waitForTimeout(msLeft + 500);
}

export class SignInPage {
  readonly passwordForm: Locator;
  readonly codeForm: Locator;

  constructor(readonly page: Page) {
    this.passwordForm = page.getByRole('form', { name: 'Sign in' });
    this.codeForm = page.getByRole('form', { name: 'Two-factor sign-in' });
  }

  /**
   * The password step; for an account with two-factor on, this ends on the code step (no session yet). Staff sign in
   * on the panel's own page, shoppers on the store's; both are the same form.
   */
  async enterPassword(credentials: { email: string; password: string }, returnTo = '/admin') {
    const page = returnTo.startsWith('/admin') ? '/admin/sign-in' : '/account/sign-in';
    await this.page.goto(`${page}?callbackUrl=${encodeURIComponent(returnTo)}`);
    await this.passwordForm.getByLabel('Email').fill(credentials.email);
    await this.passwordForm.getByLabel('Password').fill(credentials.password);
    await this.passwordForm.getByRole('button', { name: 'Sign in' }).click();
  }

  async enterCode(code: string) {
    await this.codeForm.getByLabel('Authentication code').fill(code);
    await this.codeForm.getByRole('button', { name: 'Verify' }).click();
  }

  async expectCodeRefused() {
    await expect(this.codeForm.getByRole('alert')).toContainText('not correct or was already used');
  }
}

/** Signing out of the panel lands on the admin sign-in page (not the storefront). */
export async function signOutOfAdmin(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
}

export class SecurityPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/admin/security');
  }

  /** Enrolls in two-factor as a person would: reads the key shown beside the QR code and types a code from it. */
  async enroll(): Promise<{ secret: string; recoveryCodes: string[] }> {
    await this.goto();
    await this.page.getByRole('form', { name: 'Set up two-factor' }).getByRole('button', { name: 'Set up two-factor' }).click();
    await expect(this.page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
    const secret = (await this.page.getByTestId('totp-secret').textContent())!.trim();
    const confirm = this.page.getByRole('form', { name: 'Confirm two-factor setup' });
    await confirm.getByLabel('Code from your app').fill(totpCode(secret));
    await confirm.getByRole('button', { name: 'Turn on two-factor' }).click();
    const list = this.page.getByRole('list', { name: 'Recovery codes' });
    await expect(list.getByRole('listitem')).toHaveCount(10);
    const recoveryCodes = (await list.getByRole('listitem').allTextContents()).map((code) => code.trim());
    return { secret, recoveryCodes };
  }
}

export type NewStaff = { email: string; name: string; role: 'Staff' | 'Admin'; password: string };

export class StaffAdminPage {
  readonly createForm: Locator;

  constructor(readonly page: Page) {
    this.createForm = page.getByRole('form', { name: 'Add a staff member' });
  }

  async goto() {
    await this.page.goto('/admin/staff');
  }

  async create(member: NewStaff) {
    await this.goto();
    await this.createForm.getByLabel('Email').fill(member.email);
    await this.createForm.getByLabel('Name').fill(member.name);
    await this.createForm.getByLabel('Role').selectOption({ label: member.role });
    await this.createForm.getByLabel('Initial password').fill(member.password);
    await this.createForm.getByRole('button', { name: 'Add staff member' }).click();
    await expect(this.createForm.getByRole('status')).toHaveText('Staff member added.');
    await expect(this.page.getByRole('rowheader', { name: new RegExp(member.email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible();
  }

  /** Removing someone from the staff leaves them a customer account; their row leaves the team list. */
  async removeFromStaff(email: string) {
    await this.goto();
    const form = this.page.getByRole('form', { name: `Role of ${email}` });
    await form.getByLabel('Role').selectOption({ label: 'Not staff (customer)' });
    await form.getByRole('button', { name: 'Change role' }).click();
    await expect(this.page.getByRole('form', { name: `Role of ${email}` })).toHaveCount(0);
  }
}

export class CustomersAdminPage {
  constructor(readonly page: Page) {}

  /** Opens the list and searches it; the search applies as it is typed, and the URL keeps it. */
  async search(text: string) {
    await this.page.goto('/admin/customers');
    const search = this.page.getByRole('search', { name: 'Search customers' });
    await search.getByLabel('Email or name').fill(text);
    await expect(this.page).toHaveURL((url) => url.searchParams.get('q') === text);
    await expect(search).toHaveAttribute('aria-busy', 'false');
  }

  /** Finds a customer by email through the search and opens their page; answers their id (from the URL). */
  async open(email: string): Promise<string> {
    await this.search(email);
    await this.page.getByRole('link', { name: email }).click();
    await expect(this.page).toHaveURL(/\/admin\/customers\/[0-9a-f-]{36}$/);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
    return this.page.url().split('/').pop()!;
  }

  /** Searches the customer list by email and answers that customer's row. */
  async row(email: string): Promise<Locator> {
    await this.search(email);
    const row = this.page.getByRole('table', { name: 'Customers' }).getByRole('row').filter({ has: this.page.getByRole('link', { name: email }) });
    await expect(row).toBeVisible();
    return row;
  }

  /** A fact from the customer page's summary ("Orders", "Total spent", …). */
  fact(term: string): Locator {
    return this.page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
  }

  async disable() {
    const form = this.page.getByRole('form', { name: 'Account access' });
    await form.getByRole('button', { name: 'Disable account and sign out' }).click();
    await expect(form.getByRole('status')).toContainText('every session of theirs has ended');
  }
}

export type NewDiscount = { code: string; type: 'Percentage off' | 'Free shipping'; value?: string; minSubtotal?: string };

export class DiscountsAdminPage {
  readonly createForm: Locator;

  constructor(readonly page: Page) {
    this.createForm = page.getByRole('form', { name: 'New discount code' });
  }

  async create(discount: NewDiscount) {
    await this.page.goto('/admin/discounts');
    await this.createForm.getByLabel('Code', { exact: true }).fill(discount.code);
    await this.createForm.getByLabel('Type').selectOption({ label: discount.type });
    if (discount.value !== undefined) await this.createForm.getByLabel('Value').fill(discount.value);
    if (discount.minSubtotal !== undefined) await this.createForm.getByLabel(/^Minimum subtotal/).fill(discount.minSubtotal);
    await this.createForm.getByRole('button', { name: 'Create discount' }).click();
  }
}

export class AuditLogPage {
  readonly entries: Locator;

  constructor(readonly page: Page) {
    this.entries = page.getByRole('list', { name: 'Audit entries' }).locator(':scope > li');
  }

  /** Filters apply as they are chosen: the URL follows each choice. */
  async filter(options: { actor?: string; action?: string; entityType?: string }) {
    await this.page.goto('/admin/audit-log');
    const form = this.page.getByRole('search', { name: 'Filter the audit log' });
    if (options.actor) {
      await form.getByLabel('Actor').selectOption(options.actor);
      await expect(this.page).toHaveURL(new RegExp(`actor=${encodeURIComponent(options.actor).replace(/[.+]/g, '\\$&')}`));
    }
    if (options.entityType) {
      await form.getByLabel('Entity type').selectOption(options.entityType);
      await expect(this.page).toHaveURL(new RegExp(`entityType=${options.entityType}`));
    }
    if (options.action) {
      await form.getByLabel('Action').selectOption(options.action);
      await expect(this.page).toHaveURL(new RegExp(`action=${options.action.replace('.', '\\.')}`));
    }
    await expect(form).toHaveAttribute('aria-busy', 'false');
  }
}

/**
 * /admin/settings and its sections (general, brand, shipping, taxes). Lists show what is set; adding, editing and
 * deleting happen in dialogs opened from buttons, which close on success (the outcome is then a toast).
 */
export class SettingsAdminPage {
  readonly storeForm: Locator;
  readonly newTaxForm: Locator;
  readonly newZoneForm: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.storeForm = page.getByRole('form', { name: 'Store settings' });
    this.newTaxForm = page.getByRole('form', { name: 'Add a tax rate' });
    this.newZoneForm = page.getByRole('form', { name: 'Add a shipping zone' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(section: 'general' | 'brand' | 'shipping' | 'taxes' | null = null) {
    await this.page.goto(section ? `/admin/settings/${section}` : '/admin/settings');
  }

  /** Opens a section from the settings index, as a merchant would. */
  async openSection(title: string) {
    await this.page.getByRole('list', { name: 'Settings sections' }).getByRole('link', { name: new RegExp(`^${title}`) }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  /** Opens the dialog behind a button ("Add zone", "Edit rate Courier in Europe") and answers it. */
  async openDialog(button: string): Promise<Locator> {
    await this.page.getByRole('button', { name: button, exact: true }).click();
    await expect(this.dialog).toBeVisible();
    return this.dialog;
  }

  /** A toast in the panel's notifications. */
  toast(text: string) {
    return this.page.getByRole('region', { name: /^Notifications/ }).getByText(text, { exact: true });
  }

  async addTaxRate(rate: { country: string; region: string; name: string; percent: string }) {
    if (!(await this.newTaxForm.isVisible())) await this.openDialog('Add tax rate');
    await this.newTaxForm.getByLabel('Country').fill(rate.country);
    await this.newTaxForm.getByLabel('Region').fill(rate.region);
    await this.newTaxForm.getByLabel('Name').fill(rate.name);
    await this.newTaxForm.getByLabel('Rate (%)').fill(rate.percent);
    await this.newTaxForm.getByRole('button', { name: 'Add tax rate' }).click();
  }

  /** Picks countries by name in a form's country combobox: types part of each name and chooses the option. */
  async chooseCountries(form: Locator, countries: { type: string; pick: string }[]) {
    const box = form.getByRole('combobox', { name: 'Countries' });
    for (const { type, pick } of countries) {
      await box.fill(type);
      await this.page.getByRole('option', { name: pick, exact: true }).click();
    }
    await box.press('Escape');
  }

  /** The chips of a form's chosen countries, each a "Remove {country}" button. */
  chosenCountries(form: Locator) {
    return form.getByRole('list', { name: 'Chosen countries' }).getByRole('button', { name: /^Remove / });
  }

  async addZone(zone: { name: string; countries: { type: string; pick: string }[] }) {
    await this.openDialog('Add zone');
    await this.newZoneForm.getByLabel('Zone name').fill(zone.name);
    await this.chooseCountries(this.newZoneForm, zone.countries);
    await this.newZoneForm.getByRole('button', { name: 'Add zone' }).click();
    await expect(this.toast('Zone added.')).toBeVisible();
    await expect(this.dialog).toBeHidden();
  }

  zone(name: string): Locator {
    return this.page.getByRole('article', { name: `Zone ${name}` });
  }

  async addRate(zoneName: string, rate: { name: string; price: string; freeAbove?: string }) {
    const form = this.page.getByRole('form', { name: `Add a rate to ${zoneName}` });
    if (!(await form.isVisible())) await this.openDialog(`Add rate to ${zoneName}`);
    await form.getByLabel('Rate name').fill(rate.name);
    await form.getByLabel(/^Price/).fill(rate.price);
    if (rate.freeAbove) await form.getByLabel(/^Free above/).fill(rate.freeAbove);
    await form.getByRole('button', { name: 'Add rate' }).click();
    return form;
  }
}
