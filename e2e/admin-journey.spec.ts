import { randomBytes } from 'node:crypto';
import { expect, test } from './support/test';
import sharp from 'sharp';
import { ProductEditor } from './pages/admin-catalog-pages';
import { AdminOrderPage } from './pages/admin-orders-pages';
import { SecurityPage, SignInPage, signOutOfAdmin, StaffAdminPage, totpCode, waitForNextTotpStep } from './pages/admin-people-pages';
import { AdminShell } from './pages/admin-shell';
import { ProductPage } from './pages/product-page';
import { CartPage, cartLink, CheckoutPage, ConfirmationPage } from './pages/shop-pages';
import { uniqueEmail } from './support/commerce';
import { latestMail } from './support/mailbox';

// The whole store run from the browser, end to end: an admin signed in with two-factor creates a product, a shopper
// buys it, the order is on the dashboard, staff ship it with tracking, and the shopper sees the tracking.

test('admin with two-factor creates a 2×3 product with an image → a shopper buys it → dashboard → shipped with tracking → the shopper sees it', async ({ browser, page }) => {
  // Three people, two sign-ins with two-factor, a product, a checkout and a shipment: a long journey on a busy runner.
  test.setTimeout(240_000);
  const s = randomBytes(3).toString('hex');

  // An admin with two-factor. A new one: the seeded admin stays without, for the specs running beside this one.
  const seeded = await browser.newContext();
  const seededPage = await seeded.newPage();
  await new AdminShell(seededPage).signIn();
  const admin = { email: uniqueEmail('journey-admin'), name: 'Journey Admin', role: 'Admin' as const, password: 'journey-admin-password-2026' };
  await new StaffAdminPage(seededPage).create(admin);
  await seeded.close();
  await new AdminShell(page).signIn(admin);
  const { secret } = await new SecurityPage(page).enroll();
  await signOutOfAdmin(page);
  const signIn = new SignInPage(page);
  await signIn.enterPassword(admin, '/admin/products/new');
  await expect(signIn.codeForm).toBeVisible();
  // The code used to enroll is spent: the next one signs in.
  await waitForNextTotpStep(page);
  await signIn.enterCode(totpCode(secret));
  await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible();

  // A product with a 2×3 variant matrix and an image.
  const title = `Journey Jacket ${s}`;
  const slug = `journey-jacket-${s}`;
  const editor = new ProductEditor(page);
  await editor.gotoNew();
  await editor.fillDetails({ title, description: 'Waxed cotton.', status: 'Active — shown in the store' });
  await editor.addOptions([['Size', 'S, M'], ['Colour', 'Olive, Navy, Sand']]);
  await expect(editor.variantRows()).toHaveCount(6);
  await editor.setVariant('M / Navy', { price: '89.00', stock: '4' });
  await editor.fillSkusAndCopyPrice();
  await editor.create();
  const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#1d3557' } }).png().toBuffer();
  const upload = await editor.uploadImage({ name: 'jacket.png', mimeType: 'image/png', buffer: png }, `Navy jacket ${s}`);
  await expect(upload.getByRole('status')).toHaveText('Image uploaded.');

  // A guest shopper finds it in the store and buys one.
  const shopperContext = await browser.newContext();
  const shop = await shopperContext.newPage();
  await shop.goto(`/search?q=${encodeURIComponent(`Journey Jacket ${s}`)}`);
  await shop.getByRole('link', { name: new RegExp(title) }).first().click();
  await expect(shop).toHaveURL(new RegExp(`/products/${slug}$`));
  await expect(shop.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(shop.getByRole('img', { name: `Navy jacket ${s}` })).toBeVisible();
  const product = new ProductPage(shop);
  await product.choose({ Size: 'M', Colour: 'Navy' });
  await expect(product.purchase.getByLabel('Quantity')).toHaveAttribute('max', '4');
  await product.add(1);
  await cartLink(shop).click();
  await new CartPage(shop).checkout();
  const checkout = new CheckoutPage(shop);
  const email = uniqueEmail('journey-shopper');
  await checkout.chooseDelivery({ country: 'US', region: 'TX' });
  await checkout.fillDetails({ email, name: 'Journey Shopper', line1: '1 Congress Ave', city: 'Austin', postalCode: '78701' });
  await checkout.placeOrder();
  const numberCell = new ConfirmationPage(shop).orderNumber;
  await expect(numberCell).toHaveText(/^SF-[0-9A-Z]{8}$/);
  const number = (await numberCell.textContent())!;

  // The admin sees it on the dashboard, opens it, marks it paid and ships it with tracking.
  await page.goto('/admin');
  await expect(page.getByRole('table', { name: 'Latest orders' }).getByRole('link', { name: number })).toBeVisible();
  await page.getByRole('table', { name: 'Latest orders' }).getByRole('link', { name: number }).click();
  const order = new AdminOrderPage(page);
  await expect(order.summary).toContainText('Payment: Unpaid');
  await order.markPaid();
  await expect(order.summary).toContainText('Payment: Paid');
  await order.ship('DHL', `JD0146000${s}`);
  await expect(order.summary).toContainText('Shipping: Shipped');
  await expect(order.timeline).toContainText(`Shipped (1 item) with DHL, tracking JD0146000${s}`);

  // The shopper gets the email and sees the tracking through the guest order lookup.
  const mail = await latestMail(email, new RegExp(`^Your order ${number} has shipped$`));
  expect(mail.text).toContain(`Tracking number: JD0146000${s}`);
  expect(mail.text).toContain(title);
  await shop.goto('/orders/lookup');
  const lookup = shop.getByRole('form', { name: 'Find your order' });
  await lookup.getByLabel('Order number').fill(number);
  await lookup.getByLabel('Email used for the order').fill(email);
  await lookup.getByRole('button', { name: 'Find order' }).click();
  await expect(shop.getByTestId('fulfilment-status')).toHaveText('Shipped');
  const shipments = shop.getByRole('list', { name: 'Shipments' });
  await expect(shipments).toContainText('DHL');
  await expect(shipments).toContainText(`JD0146000${s}`);
  await shopperContext.close();
});
