import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { AdminShell } from './pages/admin-shell';
import { AdminOrderPage, AdminOrdersList } from './pages/admin-orders-pages';
import { ProductPage } from './pages/product-page';
import { AccountPages, CartPage, cartLink, CheckoutPage, ConfirmationPage } from './pages/shop-pages';
import { type BuyableVariant, findBuyableVariant, uniqueEmail } from './support/commerce';
import { E2E_CUSTOMER } from './support/environment';
import { latestMail } from './support/mailbox';

async function checkout(page: Page, email?: string): Promise<string> {
  await cartLink(page).click();
  await new CartPage(page).checkout();
  const checkoutPage = new CheckoutPage(page);
  await checkoutPage.chooseDelivery({ country: 'US', region: 'TX' });
  await checkoutPage.fillDetails({ email, name: 'Orders Journey', line1: '1 Congress Ave', city: 'Austin', postalCode: '78701' });
  await checkoutPage.placeOrder();
  const number = new ConfirmationPage(page).orderNumber;
  await expect(number).toHaveText(/^SF-[0-9A-Z]{8}$/);
  return (await number.textContent())!;
}

/** A variant with 3–9 units: its page's quantity limit is its exact stock, so a restock shows to the unit. */
async function findCountableVariant(request: APIRequestContext): Promise<BuyableVariant> {
  type Detail = { slug: string; title: string; variants: { options: Record<string, string>; priceCents: number; maxQuantity: number; inStock: boolean }[] };
  // Page 3 of the newest products: the stock-freshness journey buys from page 2.
  const list = await request.get('/api/store/v1/products?in_stock=1&sort=newest&per_page=48&page=3');
  for (const item of ((await list.json()) as { data: { slug: string }[] }).data) {
    const product = ((await (await request.get(`/api/store/v1/products/${item.slug}`)).json()) as { data: Detail }).data;
    const variant = product.variants.find((v) => v.inStock && v.maxQuantity >= 3 && v.maxQuantity < 10 && Object.keys(v.options).length > 0);
    if (variant) return { slug: product.slug, title: product.title, options: variant.options, priceCents: variant.priceCents, maxQuantity: variant.maxQuantity };
  }
  throw new Error('no variant with 3–9 units in stock');
}

test('order journey: placed → listed and on the dashboard → paid → refunds capped → shipped → the customer sees tracking and gets the email', async ({ page, browser, request }) => {
  // One journey across two browsers and a dozen server round trips: longer than the default budget on a busy machine.
  test.setTimeout(120_000);
  // The shopper: the seeded customer (registering a fresh one would count against the shared per-IP sign-up limit),
  // buying two units of one variant.
  const email = E2E_CUSTOMER.email;
  await new AccountPages(page).signIn(E2E_CUSTOMER.email, E2E_CUSTOMER.password);
  const variant = await findBuyableVariant(request, 6, 2);
  await new ProductPage(page).buy(variant, 2);
  const number = await checkout(page);

  // Staff, in their own browser.
  const staffContext = await browser.newContext();
  const admin = await staffContext.newPage();
  const shell = new AdminShell(admin);
  await shell.signIn();
  await expect(admin.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(admin.getByRole('table', { name: 'Latest orders' }).getByRole('link', { name: number })).toBeVisible();
  await expect(admin.getByRole('figure', { name: /Net sales and orders per day/ })).toBeVisible();

  await shell.open('Orders');
  const list = new AdminOrdersList(admin);
  await expect(list.row(number)).toContainText('Pending');
  await list.search(number);
  await expect(list.table.getByRole('row')).toHaveCount(2); // header + the one order
  await expect(list.row(number)).toContainText(email);
  await list.open(number);

  const order = new AdminOrderPage(admin);
  await expect(order.summary).toContainText('Payment: Unpaid');
  // Refunding is not offered before payment; shipping neither.
  await expect(order.refundForm()).toHaveCount(0);
  await expect(order.actions.getByRole('form', { name: 'Ship items' })).toHaveCount(0);
  await order.markPaid();
  await expect(order.summary).toContainText('Payment: Paid');
  await expect(order.actions.getByRole('form', { name: 'Mark as paid' }).getByRole('button')).toHaveCount(0);

  // Refunds: never more than was captured; the form says how much is left.
  const totalText = (await admin.getByRole('definition').filter({ hasText: /^\$/ }).last().textContent())!;
  const totalCents = Math.round(Number(totalText.replace(/[$,]/g, '')) * 100);
  await order.refund(((totalCents + 1) / 100).toFixed(2));
  await expect(order.refundForm().getByRole('alert')).toHaveText(`You can refund at most ${totalText} on this order.`);
  await expect(order.refundForm().getByLabel(/^Amount/)).toHaveAttribute('aria-invalid', 'true');
  await order.refund('1.00');
  await expect(order.refundForm().getByRole('status')).toHaveText('Partial refund recorded.');
  await expect(order.summary).toContainText('Payment: Partially refunded');
  const left = `$${((totalCents - 100) / 100).toFixed(2)}`;
  await expect(order.refundForm()).toContainText(`Up to ${left} can be refunded.`);
  await order.refund(((totalCents - 100 + 1) / 100).toFixed(2));
  await expect(order.refundForm().getByRole('alert')).toHaveText(`You can refund at most ${left} on this order.`);
  await expect(admin.getByRole('list', { name: 'Refunds' }).getByRole('listitem')).toHaveCount(1);

  // Shipping with carrier and tracking.
  await order.ship('UPS', '1Z999AA10123456784');
  await expect(order.summary).toContainText('Status: Fulfilled');
  await expect(order.summary).toContainText('Shipping: Shipped');
  await expect(order.timeline).toContainText('Shipped (2 items) with UPS, tracking 1Z999AA10123456784');
  await expect(order.timeline).toContainText('Marked paid');
  await expect(order.timeline).toContainText('Refunded $1.00');

  // The packing slip lists what goes in the parcel, without prices.
  await admin.getByRole('link', { name: 'Packing slip' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Packing slip' })).toBeVisible();
  const slipRow = admin.getByRole('table', { name: 'Items to pack' }).getByRole('row').filter({ hasText: variant.title });
  await expect(slipRow).toContainText('2');
  await expect(admin.getByRole('article')).not.toContainText('$');
  await staffContext.close();

  // The customer sees the shipment on their order page, and got the email with the tracking number.
  await page.goto(`/account/orders/${number}`);
  await expect(page.getByTestId('fulfilment-status')).toHaveText('Shipped');
  const shipments = page.getByRole('list', { name: 'Shipments' });
  await expect(shipments).toContainText('UPS');
  await expect(shipments).toContainText('1Z999AA10123456784');
  const mail = await latestMail(email, new RegExp(`^Your order ${number} has shipped$`));
  expect(mail.text).toContain('Carrier: UPS');
  expect(mail.text).toContain('Tracking number: 1Z999AA10123456784');
  expect(mail.text).toContain(variant.title);
});

test('cancelling in two tabs restocks exactly once, and the storefront shows it at once', async ({ page, browser, request }) => {
  // Two staff tabs, a shopper and the storefront cache: longer than the default budget on a busy machine.
  test.setTimeout(120_000);
  const variant = await findCountableVariant(request);
  const stock = variant.maxQuantity;
  const product = new ProductPage(page);
  await product.buy(variant, 2);
  const number = await checkout(page, uniqueEmail('cancel'));
  await product.goto(variant.slug);
  await product.choose(variant.options);
  await expect(product.purchase.getByLabel('Quantity')).toHaveAttribute('max', String(stock - 2));

  const staffContext = await browser.newContext();
  const first = await staffContext.newPage();
  await new AdminShell(first).signIn();
  const second = await staffContext.newPage();
  const tabOne = new AdminOrderPage(first);
  const tabTwo = new AdminOrderPage(second);
  await tabOne.goto(number);
  await tabTwo.goto(number);

  await tabOne.cancel('customer changed their mind');
  await expect(tabOne.cancelForm().getByRole('status')).toHaveText('Order cancelled; 2 items returned to stock.');
  await expect(tabOne.summary).toContainText('Status: Cancelled');
  // The second tab still shows the button; pressing it is refused and restocks nothing.
  await tabTwo.cancel('again');
  await expect(tabTwo.cancelForm().getByRole('alert')).toHaveText('This order is already cancelled.');
  await tabTwo.goto(number);
  await expect(tabTwo.timeline.getByRole('listitem').filter({ hasText: /^Cancelled/ })).toHaveCount(1);
  await expect(tabTwo.timeline).toContainText('2 items returned to stock');
  await expect(tabTwo.actions).toContainText('Nothing more can be done with this order.');
  await staffContext.close();

  // Back up by exactly the two units, on the (cached) product page and in the Store API.
  await product.goto(variant.slug);
  await product.choose(variant.options);
  await expect(product.purchase.getByLabel('Quantity')).toHaveAttribute('max', String(stock));
  const detail = (await (await request.get(`/api/store/v1/products/${variant.slug}`)).json()) as { data: { variants: { options: Record<string, string>; maxQuantity: number }[] } };
  const same = detail.data.variants.find((v) => Object.entries(variant.options).every(([name, value]) => v.options[name] === value));
  expect(same?.maxQuantity).toBe(stock);
});

test('staff get a clear empty state for filters that match nothing', async ({ page }) => {
  await new AdminShell(page).signIn();
  await page.goto('/admin/orders?q=no-such-order-anywhere');
  await expect(page.getByText('No orders match these filters. Try clearing some of them.')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('No orders match these filters');
});
