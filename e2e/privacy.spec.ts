import { readFile } from 'node:fs/promises';
import { expect, test } from './support/test';
import { axeViolations } from './support/axe';
import { uniqueEmail } from './support/commerce';
import { AccountPages } from './pages/shop-pages';

// GDPR / CCPA (issue 14): a customer downloads what the store holds about them, then deletes the account — and
// cannot sign in with it afterwards. The account page passes axe at phone and desktop widths.

test('a customer downloads their data, deletes the account, and can no longer sign in', async ({ page, request }) => {
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
  await addressForm.getByLabel('Full name').fill('Priya Vacy');
  await addressForm.getByLabel('Street address').fill('12 Quiet Mews');
  await addressForm.getByLabel('City').fill('London');
  await addressForm.getByLabel('Postal code').fill('ec1a1bb');
  await addressForm.getByLabel('Country code').fill('GB');
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
