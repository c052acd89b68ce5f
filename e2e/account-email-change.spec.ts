import { expect, test } from './support/test';
import { AccountPages } from './pages/shop-pages';
import { uniqueEmail } from './support/commerce';
import { latestMail } from './support/mailbox';

// Issue 14, findings 3 and 6 as a customer meets them: a reset link asked for earlier dies when the account's email
// (or password) changes, the old address is told about the email change, and a password change is announced too.

test('changing the email: the old address is told, old links die, the new address signs in; a password change is announced', async ({ page }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail('email-change');
  const newEmail = uniqueEmail('email-changed');
  const password = 'saffron-tundra-bicycle-34';
  const account = new AccountPages(page);
  await account.register(email, password);

  // A reset link, asked for before the change.
  await page.goto('/account/forgot-password');
  const forgot = page.getByRole('form', { name: 'Request a password reset' });
  await forgot.getByLabel('Email').fill(email);
  await forgot.getByRole('button', { name: 'Email me a link' }).click();
  await expect(forgot.getByRole('status')).toContainText('If an account exists');
  const resetLink = new URL(/https?:\/\/\S+reset-password\?token=\S+/.exec((await latestMail(email, /^Reset your password$/)).text)![0]);

  await account.signIn(email, password);
  const change = page.getByRole('form', { name: 'Change email' });
  await change.getByLabel('New email').fill(newEmail);
  await change.getByLabel('Current password').fill('not-my-password-at-all');
  await change.getByRole('button', { name: 'Change email' }).click();
  await expect(change.getByLabel('Current password')).toHaveAccessibleDescription(/not correct/);
  await expect(change.getByLabel('New email')).toHaveValue(newEmail);
  await change.getByLabel('Current password').fill(password);
  await change.getByRole('button', { name: 'Change email' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your email address was changed' })).toBeVisible();

  expect((await latestMail(email, /^Your email address was changed$/)).text).toContain('was changed from');
  expect((await latestMail(newEmail, /^Confirm your email address$/)).text).toContain('/account/verify-email?token=');

  // The link sent to the old address before the change no longer works.
  await page.goto(resetLink.pathname + resetLink.search);
  const reset = page.getByRole('form', { name: 'Choose a new password' });
  await reset.getByLabel('New password').fill('mulberry-canyon-falcon-19');
  await reset.getByRole('button', { name: 'Set new password' }).click();
  await expect(reset.getByRole('alert')).toContainText('invalid or has expired');

  // The new address signs in; a password change then is announced to it.
  await account.signIn(newEmail, password);
  const passwordForm = page.getByRole('form', { name: 'Change password' });
  await passwordForm.getByLabel('Current password').fill(password);
  await passwordForm.getByLabel('New password').fill('mulberry-canyon-falcon-19');
  await passwordForm.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password was changed' })).toBeVisible();
  expect((await latestMail(newEmail, /^Your password was changed$/)).text).toContain('in your account settings');
});
