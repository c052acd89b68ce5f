import { randomBytes } from 'node:crypto';
import { expect, test } from './support/test';
import { AdminShell } from './pages/admin-shell';
import { InventoryPages, ProductEditor } from './pages/admin-catalog-pages';
import { AdminEmailsPage } from './pages/admin-emails-pages';
import { AdminOrderPage } from './pages/admin-orders-pages';
import { ProductPage } from './pages/product-page';
import { AdminReturnPage, ReturnRequestPage } from './pages/return-pages';
import { AccountPages, CartPage, cartLink, CheckoutPage, ConfirmationPage } from './pages/shop-pages';
import { axeViolations } from './support/axe';
import { findBuyableVariant, placeGuestOrderThroughApi, uniqueEmail } from './support/commerce';
import { expectNoSidewaysScroll } from './support/layout';

// A customer, on a phone, returns one of two items for a refund and exchanges the other for a bigger size; staff (at
// 1280 px) approve, receive (one restocked, one written off) and complete. Stock, the refund and the customer's
// return page say what a shopper and an accountant expect. Everything here is made by the test itself.

const PHONE = { viewport: { width: 390, height: 844 } };

test('a customer returns one item for a refund and exchanges the other for another size; staff approve, receive and complete', async ({ page, browser }) => {
  test.slow(); // a product, an account, an order and a return on a busy two-core machine
  const s = randomBytes(3).toString('hex');
  const title = `Quillet tee ${s}`; // a made-up word: no other journey's search meets it
  const sku = (size: string) => `QT-${s}-${size}`.toUpperCase();

  // Staff sell a tee in three sizes, five of each.
  await page.setViewportSize({ width: 1280, height: 900 });
  await new AdminShell(page).signIn(undefined, '/admin/products/new');
  const editor = new ProductEditor(page);
  await editor.gotoNew();
  await editor.fillDetails({ title, status: 'Active — shown in the store' });
  await editor.addOptions([['Size', 'S, M, L']]);
  for (const size of ['S', 'M', 'L']) await editor.setVariant(size, { price: '30.00', stock: '5', sku: sku(size) });
  await editor.create();

  // The customer registers on a phone and buys one S and one M.
  const password = `Quillet-${s}-long-password`;
  const email = uniqueEmail('returner');
  const context = await browser.newContext(PHONE);
  const shopper = await context.newPage();
  await new AccountPages(shopper).register(email, password, 'Rita Returner', { staySignedIn: true });
  const product = new ProductPage(shopper);
  await product.goto(`quillet-tee-${s}`);
  await product.choose({ Size: 'S' });
  await product.add(1);
  await product.choose({ Size: 'M' });
  await product.add(1);
  await cartLink(shopper).click();
  await new CartPage(shopper).checkout();
  const checkout = new CheckoutPage(shopper);
  await checkout.chooseDelivery({ country: 'US', region: 'TX' });
  await checkout.fillDetails({ name: 'Rita Returner', line1: '1 Congress Ave', city: 'Austin', postalCode: '78701' });
  await checkout.placeOrder();
  const orderNumber = (await new ConfirmationPage(shopper).orderNumber.textContent())!.trim();

  // Staff take the manual payment and ship it.
  const order = new AdminOrderPage(page);
  await order.goto(orderNumber);
  await order.markPaid();
  await order.ship('UPS', `1Z${s.toUpperCase()}0001`);

  // The customer sends S back for a refund and M back for an L.
  const request = new ReturnRequestPage(shopper);
  await request.open(orderNumber);
  await expectNoSidewaysScroll(shopper);
  expect(await axeViolations(shopper)).toEqual([]);
  // Asking for nothing is refused, and the form keeps what was chosen.
  await request.form.getByLabel('Reason').selectOption('Too small');
  await request.form.getByRole('button', { name: 'Request return' }).click();
  await expect(request.form.getByText('Choose at least one item to return.')).toBeVisible();
  await expect(request.form.getByLabel('Reason')).toHaveValue('Too small');
  await request.returnItem(`${title} (S)`, 1);
  await request.returnItem(`${title} (M)`, 1, 'L');
  const returnNumber = await request.submit('Too small', `Runs small ${s}`);
  await expect(shopper.getByRole('heading', { level: 1, name: `Return ${returnNumber}` })).toBeVisible();
  await expect(shopper.getByTestId('return-status')).toHaveText('Requested');
  await expectNoSidewaysScroll(shopper);
  expect(await axeViolations(shopper)).toEqual([]);

  // The instructions email, read in Admin → Emails as a store without SMTP keeps it.
  const emails = new AdminEmailsPage(page);
  await emails.goto();
  await emails.filterByRecipient(email);
  await emails.open(`Your return ${returnNumber} for order ${orderNumber}`);
  const text = await emails.textPart();
  expect(text).toContain(`write ${returnNumber} on the parcel`);
  expect(text).toContain('Exchange for L');
  await expect(emails.htmlPart().getByText(`Your return ${returnNumber}`)).toBeVisible();

  // The L is held for the exchange at once.
  const inventory = new InventoryPages(page);
  await inventory.search(sku('L'));
  await expect(inventory.stockField(sku('L'))).toHaveValue('4');

  // Staff find it in Returns, approve, receive (S restocked, M written off) and complete with a refund.
  await page.goto('/admin/returns?status=requested');
  await expect(page.getByRole('heading', { level: 1, name: 'Returns' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('table', { name: 'Returns' }).getByRole('link', { name: returnNumber }).click();
  const staffReturn = new AdminReturnPage(page);
  await expect(page.getByRole('heading', { level: 1, name: `Return ${returnNumber}` })).toBeVisible();
  await expect(page.getByText(`Runs small ${s}`)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await staffReturn.approve();
  await staffReturn.receive({ [`1 × ${title} (S)`]: 'Restock', [`1 × ${title} (M)`]: 'Write off (damaged)' });
  await expect(staffReturn.timeline).toContainText('1 back in stock, 1 written off.');
  await staffReturn.complete('Original payment');
  await expect(staffReturn.status).toHaveText('Completed');
  const refunded = (await staffReturn.refunded.textContent())!.trim();
  expect(Number(refunded.replace(/[^0-9.]/g, ''))).toBeGreaterThanOrEqual(30);
  const exchangeNumber = (await page.getByTestId('return-exchange-order').textContent())!.trim();
  expect(exchangeNumber).not.toBe(orderNumber);
  // A second click in an old tab cannot complete it again.
  await expect(staffReturn.steps.getByRole('form', { name: 'Complete return' })).toHaveCount(0);

  // Stock: S back to 5; M written off stays at 4; L held for the exchange stays at 4.
  for (const [size, stock] of [['S', '5'], ['M', '4'], ['L', '4']] as const) {
    await inventory.search(sku(size));
    await expect(inventory.stockField(sku(size))).toHaveValue(stock);
  }

  // The refund is on the order, paid back on the manual payment; the order lists the return.
  await order.goto(orderNumber);
  await expect(page.getByRole('list', { name: 'Refunds' })).toContainText(`Refund ${refunded} — succeeded`);
  await expect(page.getByRole('list', { name: 'Payments' })).toContainText(`${refunded} refunded`);
  await expect(page.getByRole('region', { name: 'Returns' }).getByRole('link', { name: returnNumber })).toBeVisible();

  // The exchange is an order of its own, free, for the L, waiting to ship like any other.
  await order.goto(exchangeNumber);
  await expect(order.summary).toContainText('Paid');
  await expect(page.getByRole('region', { name: 'Items' })).toContainText(title);
  await order.ship('UPS', `1Z${s.toUpperCase()}0002`);

  // The customer sees it completed, with what was refunded.
  await shopper.goto(`/account/returns/${returnNumber}`);
  await expect(shopper.getByTestId('return-status')).toHaveText('Completed');
  await expect(shopper.getByTestId('return-refunded')).toHaveText(refunded);
  await expect(shopper.getByRole('list', { name: 'Return timeline' })).toContainText('Items received');
  await expectNoSidewaysScroll(shopper);
  await shopper.goto(`/account/orders/${orderNumber}`);
  await expect(shopper.getByRole('list', { name: 'Returns' })).toContainText('Completed');
  await context.close();

  // The admin pages fit a phone too.
  await page.setViewportSize({ width: 390, height: 844 });
  await staffReturn.goto(returnNumber);
  await expectNoSidewaysScroll(page);
});

test('a guest asks for a return with the order number and email; the order then lists it as requested', async ({ page, browser, request }) => {
  test.slow(); // an order placed, paid and shipped before the return
  const email = uniqueEmail('guest-returner');
  const variant = await findBuyableVariant(request, 31, 1);
  const orderNumber = await placeGuestOrderThroughApi(request, email, variant);
  await page.setViewportSize({ width: 1280, height: 900 });
  await new AdminShell(page).signIn(undefined, `/admin/orders/${orderNumber}`);
  const order = new AdminOrderPage(page);
  await order.goto(orderNumber);
  await order.markPaid();
  await order.ship('UPS', `1ZGUEST${randomBytes(3).toString('hex').toUpperCase()}`);

  const context = await browser.newContext(PHONE);
  const guest = await context.newPage();
  await guest.goto('/orders/return');
  const lookup = guest.getByRole('form', { name: 'Find your order to return' });
  await lookup.getByLabel('Order number').fill(orderNumber.toLowerCase());
  await lookup.getByLabel('Email used for the order').fill(email.toUpperCase());
  await lookup.getByRole('button', { name: 'Find order' }).click();
  const form = guest.getByRole('form', { name: 'Request a return' });
  await expect(form).toBeVisible();
  await form.getByLabel('Quantity to return').selectOption('1');
  await form.getByLabel('Reason').selectOption('Not as described');
  await form.getByRole('button', { name: 'Request return' }).click();
  const done = guest.getByRole('status').filter({ hasText: /^Return RT-[0-9A-Z]{8} requested/ });
  await expect(done).toBeVisible();
  const returnNumber = (await done.textContent())!.match(/RT-[0-9A-Z]{8}/)![0];
  await expectNoSidewaysScroll(guest);
  expect(await axeViolations(guest)).toEqual([]);
  await context.close();

  await order.goto(orderNumber);
  await expect(page.getByRole('region', { name: 'Returns' }).getByRole('listitem').filter({ hasText: returnNumber })).toContainText('Requested');
});

test('a guest finds an order by number and email on the returns page; a wrong email finds nothing', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/orders/return');
  const form = page.getByRole('form', { name: 'Find your order to return' });
  await form.getByLabel('Order number').fill('SF-00000000');
  await form.getByLabel('Email used for the order').fill(uniqueEmail('nobody'));
  await form.getByRole('button', { name: 'Find order' }).click();
  await expect(form.getByRole('alert')).toHaveText('We could not find an order with that number and email address.');
  await expect(form.getByLabel('Order number')).toHaveValue('SF-00000000');
  await expectNoSidewaysScroll(page);
  expect(await axeViolations(page)).toEqual([]);
});
