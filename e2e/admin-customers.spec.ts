import { AdminShell } from './pages/admin-shell';
import { CustomersAdminPage } from './pages/admin-people-pages';
import { axeViolations } from './support/axe';
import { findBuyableVariant, placeGuestOrderThroughApi, uniqueEmail } from './support/commerce';
import { expectNoSidewaysScroll } from './support/layout';
import { expect, test } from './support/test';

// Guest buyers are customers: the first checkout with an email creates its customer record, later ones count under
// it, and the admin lists it with a Guest badge — at phone and desktop widths, with no accessibility violations.

test('a guest buyer appears under Customers with the right order count', async ({ page, request }) => {
  test.slow(); // two orders and four admin pages on a 2-core machine
  const email = uniqueEmail('guest-customer');
  const variant = await findBuyableVariant(request, 4, 2);
  const first = await placeGuestOrderThroughApi(request, email, variant);
  // The same buyer, typing their address differently the second time.
  const second = await placeGuestOrderThroughApi(request, email.toUpperCase(), variant);

  await new AdminShell(page).signIn(undefined, '/admin/customers');
  const customers = new CustomersAdminPage(page);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const row = await customers.row(email);
    await expect(row.getByText('Guest', { exact: true })).toBeVisible();
    // The count in its own column; on a phone the table scrolls sideways inside its region.
    await expect(row.getByRole('cell', { name: '2', exact: true })).toBeVisible();
    await expectNoSidewaysScroll(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`customers-${width}.png`), fullPage: true });

    await customers.open(email);
    await expect(customers.fact('Orders')).toHaveText('2');
    await expect(page.getByText(/Bought as a guest/)).toBeVisible();
    await expect(page.getByRole('link', { name: first }).filter({ visible: true })).toBeVisible();
    await expect(page.getByRole('link', { name: second }).filter({ visible: true })).toBeVisible();
    await expectNoSidewaysScroll(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`customer-${width}.png`), fullPage: true });
  }
});
