import { randomBytes } from 'node:crypto';
import { AdminShell } from './pages/admin-shell';
import { ProductEditor } from './pages/admin-catalog-pages';
import { AdminOrderPage } from './pages/admin-orders-pages';
import { AuditLogPage } from './pages/admin-people-pages';
import { axeViolations } from './support/axe';
import { findBuyableVariant, placeGuestOrderThroughApi, uniqueEmail } from './support/commerce';
import { expectNoSidewaysScroll } from './support/layout';
import { expect, test } from './support/test';

// The audit log reads like the store: order numbers and product titles (links to them), and each change as
// "Field before → after" with money formatted — at phone and desktop widths, with no accessibility violations.

test('the audit log shows the order number and a readable diff', async ({ page, request }) => {
  test.slow(); // a product, an order and the log at two widths on a 2-core machine
  const s = randomBytes(3).toString('hex');
  const title = `Audit Tee ${s}`;
  const sku = `AUDIT-${s}`.toUpperCase();
  const number = await placeGuestOrderThroughApi(request, uniqueEmail('audit'), await findBuyableVariant(request, 5, 1));

  await new AdminShell(page).signIn(undefined, '/admin/products/new');
  const editor = new ProductEditor(page);
  await editor.gotoNew();
  await editor.fillDetails({ title });
  await editor.setVariant('Default', { sku, price: '24.00', stock: '3' });
  await editor.create();
  // The price drops and the old price becomes the compare-at price.
  await editor.setVariant('Default', { price: '19.00', compareAtPrice: '24.00' });
  await editor.save();

  const order = new AdminOrderPage(page);
  await order.goto(number);
  await order.markPaid();

  const audit = new AuditLogPage(page);
  await audit.filter({ entityType: 'product', action: 'product.update' });
  const update = audit.entries.filter({ hasText: title });
  await expect(update).toHaveCount(1);
  await expect(update.getByRole('link', { name: title })).toHaveAttribute('href', /^\/admin\/products\/[0-9a-f-]{36}$/);
  const changes = update.getByRole('list', { name: 'Changes' });
  await expect(changes.getByRole('listitem').filter({ hasText: /^Price/ })).toHaveText(`Price (${sku}) $24.00 → $19.00`);
  await expect(changes.getByRole('listitem').filter({ hasText: /^Compare-at price/ })).toHaveText(`Compare-at price (${sku}) $24.00`);

  // Filters apply as they change and the URL keeps them: this one opens straight on order payments.
  await audit.filter({ action: 'order.mark_paid' });
  const paid = audit.entries.filter({ hasText: number });
  await expect(paid).toHaveCount(1);
  await paid.getByRole('link', { name: number }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
  await page.goBack();
  await expect(audit.entries.filter({ hasText: number }).getByRole('list', { name: 'Changes' })).toContainText('Payment unpaid → paid');

  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(audit.entries.first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`audit-log-${width}.png`) });
  }

  // The dashboard of the seeded store: ninety days of sales, net sales explained, products linked.
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/admin?days=90');
    await expect(page.getByRole('heading', { name: /How net sales add up/ })).toBeVisible();
    await expect(page.getByText('Not included: tax collected and shipping charged.')).toBeVisible();
    await expectNoSidewaysScroll(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`dashboard-${width}.png`), fullPage: true });
  }
});
