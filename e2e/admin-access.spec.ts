import { expect, test } from './support/test';
import { AdminShell } from './pages/admin-shell';
import { AccountPages } from './pages/shop-pages';
import { E2E_CUSTOMER } from './support/environment';

test.describe('admin access', () => {
  test('an anonymous visitor is sent to sign in and comes back to the panel', async ({ page }) => {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/account\/sign-in\?callbackUrl=%2Fadmin/);
    await new AdminShell(page).signIn();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  });

  test('a signed-in customer gets a 404 for the panel', async ({ page }) => {
    await new AccountPages(page).signIn(E2E_CUSTOMER.email, E2E_CUSTOMER.password);
    const response = await page.goto('/admin');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Admin' })).toHaveCount(0);
  });
});
