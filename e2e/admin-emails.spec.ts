import { expect, test } from './support/test';
import { AdminEmailsPage } from './pages/admin-emails-pages';
import { AdminShell } from './pages/admin-shell';
import { AccountPages } from './pages/shop-pages';
import { axeViolations } from './support/axe';
import { uniqueEmail } from './support/commerce';

// Mail in development: every message the store sends is listed under Admin → Emails with its HTML and text parts,
// so a store without SMTP still works end to end. This run sends through SMTP (a local sink); the screen lists the
// same messages either way.

test('a reset email read in the admin Emails screen completes a password reset locally', async ({ page, browser }) => {
  test.slow();
  const email = uniqueEmail('emails-screen');
  const shopperContext = await browser.newContext();
  const shopper = await shopperContext.newPage();
  const account = new AccountPages(shopper);
  await account.register(email, 'first-password-of-mine');

  // The shopper forgot the password and asks for a link.
  await shopper.goto('/account/forgot-password');
  const request = shopper.getByRole('form', { name: 'Request a password reset' });
  await request.getByLabel('Email').fill(email);
  await request.getByRole('button', { name: 'Email me a link' }).click();
  await expect(request.getByRole('status')).toContainText('If an account exists');

  // The admin finds the message under Emails, newest first, with its kind and delivery status, and opens it.
  await new AdminShell(page).signIn(undefined, '/admin');
  await new AdminShell(page).open('Emails');
  const emails = new AdminEmailsPage(page);
  await expect(page.getByText(/deleted 30 days after they were made/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Emails' }).getByRole('link', { name: 'Sent' })).toHaveAttribute('aria-current', 'page');
  await emails.filterByRecipient(email);
  const row = emails.message('Reset your password');
  await expect(row).toContainText(email);
  await expect(row).toContainText('Password reset');
  await expect(row).toContainText(/Sent|Sending/);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    expect(await axeViolations(page), `list at ${width} px`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scroll at ${width} px`).toBe(true);
    await page.screenshot({ path: test.info().outputPath(`emails-list-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await emails.open('Reset your password');
  await expect(emails.htmlPart().getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  const link = /https?:\/\/\S+reset-password\?token=\S+/.exec(await emails.textPart())?.[0];
  expect(link, 'the text part carries the reset link').toBeTruthy();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    expect(await axeViolations(page), `message at ${width} px`).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`emails-message-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // Resend makes a second message to the same shopper, listed above the first.
  await emails.resend();
  await emails.goto();
  await emails.filterByRecipient(email);
  await expect(emails.list.getByRole('listitem').filter({ hasText: 'Reset your password' })).toHaveCount(2);

  // The shopper follows the link read from the screen, chooses a new password and signs in with it.
  const url = new URL(link!);
  await shopper.goto(url.pathname + url.search);
  const reset = shopper.getByRole('form', { name: 'Choose a new password' });
  await reset.getByLabel('New password').fill('second-password-of-mine');
  await reset.getByRole('button', { name: 'Set new password' }).click();
  await expect(reset.getByRole('status')).toContainText('Your password has been changed');
  await account.signIn(email, 'second-password-of-mine');
  await shopperContext.close();
});
