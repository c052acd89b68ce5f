import { expect, test } from './support/test';
import { AdminShell } from './pages/admin-shell';
import { SecurityPage, SignInPage, signOutOfAdmin, StaffAdminPage, totpCode, waitForNextTotpStep } from './pages/admin-people-pages';
import { AccountPages } from './pages/shop-pages';
import { axeViolations } from './support/axe';
import { uniqueEmail } from './support/commerce';
import { E2E_CUSTOMER } from './support/environment';

/** The panel's sign-in page is its own: none of the shop around it, no invitation to open a shopper's account. */
async function expectAdminSignInChrome(page: import('@playwright/test').Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the admin' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /create an account/i })).toHaveCount(0);
  await expect(page.getByText(/new here/i)).toHaveCount(0);
}

/** axe at desktop and phone width; `fits`: the page also fits a phone (no sideways scroll). */
async function expectCleanAtBothWidths(page: import('@playwright/test').Page, what: string, options: { fits?: boolean } = {}) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    expect(await axeViolations(page), `${what} at ${width} px`).toEqual([]);
    if (options.fits) expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${what}: no sideways scroll at ${width} px`).toBe(true);
    await page.screenshot({ path: test.info().outputPath(`${what.replace(/\W+/g, '-')}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('admin access', () => {
  test('an anonymous visitor is sent to the panel’s own sign-in page and comes back to the panel', async ({ page }) => {
    await page.goto('/admin/orders');
    await expect(page).toHaveURL(/\/admin\/sign-in\?callbackUrl=%2Fadmin/);
    await expectAdminSignInChrome(page);
    await expectCleanAtBothWidths(page, 'admin sign-in', { fits: true });
    // A wrong password is refused on the same page, the address kept.
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill('admin@e2e.test');
    await form.getByLabel('Password').fill('not-the-password');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(form.getByRole('alert')).toContainText('not correct');
    await expect(form.getByLabel('Email')).toHaveValue('admin@e2e.test');
    await new AdminShell(page).signIn(undefined, '/admin/orders');
    await expect(page).toHaveURL(/\/admin\/orders$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
    // Signed in, the sign-in page sends staff straight into the panel.
    await page.goto('/admin/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  });

  test('a signed-in customer gets a 404 for the panel', async ({ page }) => {
    await new AccountPages(page).signIn(E2E_CUSTOMER.email, E2E_CUSTOMER.password);
    const response = await page.goto('/admin');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Admin' })).toHaveCount(0);
  });

  test('staff with two-factor sign in on the panel’s page; the code step stays there; after enrolling, the set-up gives way to the codes', async ({ page, browser }) => {
    test.slow();
    const admin = await browser.newContext();
    const member = { email: uniqueEmail('staff-2fa-sign-in'), name: 'Two Step', role: 'Staff' as const, password: 'two-step-staff-password' };
    const adminPage = await admin.newPage();
    await new AdminShell(adminPage).signIn();
    await new StaffAdminPage(adminPage).create(member);
    await admin.close();

    await new AdminShell(page).signIn(member);
    // Sent emails carry customers' sign-in links: they are for admins only.
    await expect(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Emails', exact: true })).toHaveCount(0);
    expect((await page.goto('/admin/emails'))?.status()).toBe(404);
    const { secret } = await new SecurityPage(page).enroll();
    // The QR code and the "Turn on" form are gone; the outcome and the codes (copy, download) are shown.
    await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toHaveCount(0);
    await expect(page.getByRole('form', { name: 'Confirm two-factor setup' })).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Two-factor authentication is on' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy codes' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Download as .txt' })).toHaveAttribute('download', 'recovery-codes.txt');
    await expectCleanAtBothWidths(page, 'recovery codes in the panel', { fits: true });
    await signOutOfAdmin(page);

    const signIn = new SignInPage(page);
    await signIn.enterPassword(member, '/admin/customers');
    await expect(signIn.codeForm).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/sign-in/);
    await expectAdminSignInChrome(page);
    await expectCleanAtBothWidths(page, 'admin two-factor step', { fits: true });
    await waitForNextTotpStep(page);
    await signIn.enterCode(totpCode(secret));
    await expect(page).toHaveURL(/\/admin\/customers$/);
    await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible();
  });

  test('on a phone the panel’s sections open from a menu, and the page has the whole width', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const shell = new AdminShell(page);
    await shell.signIn();
    await expect(page.getByRole('navigation', { name: 'Admin' })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the dashboard fits 390 px').toBe(true);
    await shell.menuButton.click();
    const sheet = page.getByRole('dialog', { name: 'Admin menu' });
    await expect(sheet.getByRole('link', { name: 'Dashboard', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(sheet.getByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(await axeViolations(page), 'the open menu').toEqual([]);
    await sheet.getByRole('link', { name: 'Orders', exact: true }).click();
    await expect(sheet).toBeHidden();
    await expect(page).toHaveURL(/\/admin\/orders$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the orders list fits 390 px').toBe(true);
    // From 768 px up the sidebar is back and the menu button is gone.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible();
    await expect(shell.menuButton).toBeHidden();
  });
});
