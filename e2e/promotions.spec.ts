import { randomBytes } from 'node:crypto';
import { expect, test } from './support/test';
import { AdminShell } from './pages/admin-shell';
import { ProductEditor } from './pages/admin-catalog-pages';
import { cartPromotions, CustomerGroupsAdminPage, PromotionsAdminPage } from './pages/promotion-pages';
import { ProductPage } from './pages/product-page';
import { CartPage, CheckoutPage, ConfirmationPage } from './pages/shop-pages';
import { axeViolations } from './support/axe';
import { uniqueEmail } from './support/commerce';
import { E2E_CUSTOMER } from './support/environment';
import { expectNoSidewaysScroll } from './support/layout';

// A merchant sets up "buy 2 socks get 1 free" and "10 % over $100, 20 % over $200" on products of their own (never
// storewide: other journeys' totals run on the same database), plus a promotion kept for a customer group. A guest
// sees the offers on the product page, watches the cart count them down to the next tier on a phone and a desktop,
// and checks out; the order shows what each promotion took off. The group's promotion never shows to the guest.

test('buy 2 get 1 free and spend tiers: badges, cart amounts and the next tier, checkout and the order', async ({ page, browser }) => {
  test.slow();
  const s = randomBytes(3).toString('hex');
  const socks = `Promo socks ${s}`;
  const coat = `Promo coat ${s}`;

  await new AdminShell(page).signIn(undefined, '/admin/products/new');
  const editor = new ProductEditor(page);
  for (const [title, price] of [
    [socks, '8.00'],
    [coat, '70.00'],
  ] as const) {
    await editor.gotoNew();
    await editor.fillDetails({ title, status: 'Active — shown in the store' });
    await editor.setVariant('Default', { sku: `${title.replace(/\s+/g, '-').toUpperCase()}`, price, stock: '40' });
    await editor.create();
  }

  const groups = new CustomerGroupsAdminPage(page);
  await groups.goto();
  await groups.createGroup(`Insiders ${s}`);
  const outcome = await groups.addCustomers(`Insiders ${s}`, `${E2E_CUSTOMER.email}, nobody-${s}@e2e.test`);
  await expect(outcome).toHaveText(`1 customer added. No customer has nobody-${s}@e2e.test.`);
  await expect(groups.members(`Insiders ${s}`)).toContainText(E2E_CUSTOMER.email);

  const promotions = new PromotionsAdminPage(page);
  await promotions.goto();
  await promotions.create({ title: `Buy 2 socks get 1 free ${s}`, gives: 'Buy X get Y', fields: { 'Buy (items)': '2', 'Get (items)': '1' }, products: [socks] });
  await promotions.create({ title: `Spend more, save more ${s}`, gives: 'Tiered: more off as the cart grows', fields: { Tiers: '100 = 10, 200 = 20' }, products: [socks, coat] });
  await promotions.create({
    title: `Insiders 40 % ${s}`,
    gives: 'Percentage off',
    fields: { 'Percentage off': '40' },
    selects: { 'Who can get it': 'A customer group', 'Customer group': `Insiders ${s}` },
    products: [socks],
  });
  await expect(promotions.table.getByRole('row').filter({ hasText: `Insiders 40 % ${s}` })).toContainText(`Group: Insiders ${s}`);
  expect(await axeViolations(page)).toEqual([]);

  // The guest, on a phone.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const shopper = await context.newPage();
  const product = new ProductPage(shopper);
  await product.goto(`promo-socks-${s}`);
  const badges = shopper.getByRole('list', { name: 'Promotions' });
  await expect(badges.getByRole('listitem')).toHaveText(['Buy 2 get 1 free', 'Up to 20 % off in cart']);
  // The group's promotion is for its signed-in members: the shared page never advertises it.
  await expect(shopper.getByText('40 % off in cart')).toHaveCount(0);

  await product.addAndOpenDrawer(3);
  const drawerPromotions = cartPromotions(product.drawer);
  await expect(drawerPromotions).toContainText(`Buy 2 socks get 1 free ${s}−$8.00`);
  await expect(drawerPromotions.getByTestId('cart-next-tier')).toHaveText('Spend $76.00 more for 10 % off');
  await expect(drawerPromotions).not.toContainText('Insiders');
  await product.closeDrawer();

  await product.goto(`promo-coat-${s}`);
  await product.add(2);
  const cart = new CartPage(shopper);
  await cart.goto();
  const block = cartPromotions(shopper);
  // $24 + $140 = $164: 10 % of what is left after the free pair of socks ($16 + $140) is $15.60.
  await expect(block).toContainText(`Buy 2 socks get 1 free ${s}−$8.00`);
  await expect(block).toContainText(`Spend more, save more ${s}−$15.60`);
  await expect(block.getByTestId('cart-discounted-subtotal')).toHaveText('After promotions$140.40');
  await expect(block.getByTestId('cart-next-tier')).toHaveText('Spend $36.00 more for 20 % off');
  await expect(block).not.toContainText('Insiders');
  await expectNoSidewaysScroll(shopper, 'cart at 390 px');
  expect(await axeViolations(shopper)).toEqual([]);
  await shopper.setViewportSize({ width: 1280, height: 900 });
  await expect(block.getByTestId('cart-next-tier')).toBeVisible();
  await expectNoSidewaysScroll(shopper, 'cart at 1280 px');
  await shopper.setViewportSize({ width: 390, height: 844 });

  await cart.checkout();
  const checkout = new CheckoutPage(shopper);
  await checkout.chooseDelivery({ country: 'US', region: 'TX' });
  await expect(checkout.totals.first()).toContainText(`Buy 2 socks get 1 free ${s}−$8.00`);
  await expect(checkout.totals.first()).toContainText(`Spend more, save more ${s}−$15.60`);
  await checkout.fillDetails({ email: uniqueEmail('promo'), name: 'Pat Promo', line1: '1 Congress Ave', city: 'Austin', postalCode: '78701' });
  await checkout.placeOrder();
  await expect(new ConfirmationPage(shopper).orderNumber).toBeVisible();
  const totals = shopper.getByTestId('order-totals');
  await expect(totals).toContainText(`Buy 2 socks get 1 free ${s}−$8.00`);
  await expect(totals).toContainText(`Spend more, save more ${s}−$15.60`);
  await context.close();

  // The list counts what each promotion gave.
  await promotions.goto();
  await expect(promotions.table.getByRole('row').filter({ hasText: `Spend more, save more ${s}` })).toContainText('$15.60');
});
