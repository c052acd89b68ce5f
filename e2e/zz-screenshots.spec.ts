import { test } from './support/test';
import { AdminShell } from './pages/admin-shell';

test('screenshots for the report', async ({ page }) => {
  test.slow();
  for (const [w, h] of [[390, 844], [1280, 900]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/');
    await page.screenshot({ path: `/tmp/content-shots/home-${w}.png`, fullPage: true });
    await page.goto('/pages/shipping-returns');
    await page.screenshot({ path: `/tmp/content-shots/page-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await new AdminShell(page).signIn(undefined, '/admin/emails');
  await page.goto('/admin/emails/order_confirmation_manual_payment');
  await page.locator('iframe').screenshot({ path: '/tmp/content-shots/email-confirmation.png' });
  await page.goto('/admin/home');
  await page.screenshot({ path: '/tmp/content-shots/admin-home.png', fullPage: true });
  await page.goto('/admin/emails/order_shipped');
  await page.locator('iframe').screenshot({ path: '/tmp/content-shots/email-shipped.png' });
});
