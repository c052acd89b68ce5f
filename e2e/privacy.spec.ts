import { readFile } from 'node:fs/promises';
import { expect, test } from './support/test';
import { axeViolations } from './support/axe';
import { uniqueEmail } from './support/commerce';
import { AdminShell } from './pages/admin-shell';
import { AuditLogPage, CustomersAdminPage } from './pages/admin-people-pages';
import { AccountPages } from './pages/shop-pages';

// GDPR / CCPA (issue 14): a customer downloads what the store holds about them, then deletes the account — and
// cannot sign in with it afterwards. The account page passes axe at phone and desktop widths.

test('a customer downloads their data, deletes the account, and can no longer sign in', async ({ page, request }) => {
  test.slow(); // a long journey: several pages and an order on a 2-core machine
  expect((await request.get('/api/account/export')).status()).toBe(401);

  await page.setViewportSize({ width: 390, height: 844 });
  const email = uniqueEmail('privacy');
  const password = 'privacy-journey-pass-9';
  const account = new AccountPages(page);
  await account.register(email, password, 'Priya Vacy');
  await account.signIn(email, password);

  // Something personal to find in the download: a saved address.
  await page.goto('/account/addresses');
  const addressForm = page.getByRole('form', { name: 'Add an address' });
  await addressForm.getByLabel('Country').selectOption('GB');
  await addressForm.getByLabel('Full name').fill('Priya Vacy');
  await addressForm.getByLabel('Street address').fill('12 Quiet Mews');
  await addressForm.getByLabel('City').fill('London');
  await addressForm.getByLabel('Postal code').fill('ec1a1bb');
  await addressForm.getByRole('button', { name: 'Save address' }).click();
  await expect(addressForm.getByRole('status')).toHaveText('Address saved.');

  await page.goto('/account');
  expect(await axeViolations(page), 'axe on /account at 390 px').toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await axeViolations(page), 'axe on /account at 1280 px').toEqual([]);

  // The download.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download your data' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^customer-data-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.json$/);
  const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as { profile: { email: string; name: string }; addresses: { line1: string; postalCode: string }[]; orders: unknown[] };
  expect(data.profile).toMatchObject({ email, name: 'Priya Vacy' });
  expect(data.addresses).toMatchObject([{ line1: '12 Quiet Mews', postalCode: 'EC1A 1BB' }]);
  expect(data.orders).toEqual([]);

  // Deleting: a wrong password is refused at the field, and nothing happens.
  const remove = page.getByRole('form', { name: 'Delete account' });
  await remove.getByLabel('Your password').fill('not-my-password');
  await remove.getByLabel(/I understand/).check();
  await remove.getByRole('button', { name: 'Delete my account' }).click();
  await expect(remove.getByLabel('Your password')).toHaveAccessibleDescription('That password is not correct.');
  await expect(remove.getByLabel(/I understand/)).toBeChecked();
  expect(await axeViolations(page), 'axe on /account with a refused deletion').toEqual([]);

  await remove.getByLabel('Your password').fill(password);
  await remove.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(/\/account\/deleted$/);
  await expect(page.getByRole('heading', { name: 'Your account has been deleted' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();

  // Signed out, and the credentials no longer open anything.
  expect((await page.goto('/account'))?.url()).toMatch(/\/account\/sign-in/);
  await page.goto('/account/sign-in');
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('Email').fill(email);
  await signIn.getByLabel('Password').fill(password);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your account' })).toHaveCount(0);
});

test('an admin answers a customer’s requests: downloads their data, then erases them; both are in the audit log', async ({ browser, page }) => {
  test.slow(); // a long journey: several pages and an order on a 2-core machine
  const email = uniqueEmail('privacy-request');
  const password = 'privacy-request-pass-7';
  const customer = await browser.newContext();
  const shopper = new AccountPages(await customer.newPage());
  await shopper.register(email, password, 'Rhea Quest');
  await customer.close();

  await new AdminShell(page).signIn();
  const id = await new CustomersAdminPage(page).open(email);
  const privacy = page.getByRole('region', { name: 'Privacy requests' });
  const [download] = await Promise.all([page.waitForEvent('download'), privacy.getByRole('link', { name: 'Download customer data (JSON)' }).click()]);
  const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as { profile: { id: string; email: string } };
  expect(data.profile).toMatchObject({ id, email });

  const erase = privacy.getByRole('form', { name: 'Erase customer' });
  await erase.getByLabel('Customer’s email address').fill('someone-else@e2e.test');
  await erase.getByRole('button', { name: 'Erase personal data' }).click();
  await expect(erase.getByText('Type the customer’s email address exactly.')).toBeVisible();
  await expect(erase.getByLabel('Customer’s email address')).toHaveValue('someone-else@e2e.test');
  await erase.getByLabel('Customer’s email address').fill(email);
  await erase.getByRole('button', { name: 'Erase personal data' }).click();
  await expect(erase.getByRole('status')).toContainText('Erased.');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Erased customer');
  await expect(page.getByText(email)).toHaveCount(0);

  const audit = new AuditLogPage(page);
  await audit.filter({ action: 'customer.erase' });
  await expect(audit.entries.filter({ hasText: id })).toHaveCount(1);
  await audit.filter({ action: 'customer.export' });
  await expect(audit.entries.filter({ hasText: id })).toHaveCount(1);

  const again = await browser.newContext();
  const signInPage = await again.newPage();
  await signInPage.goto('/account/sign-in');
  const form = signInPage.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await again.close();
});
