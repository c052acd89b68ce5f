import { randomBytes } from 'node:crypto';
import { expect, test } from './support/test';
import { AdminShell } from './pages/admin-shell';
import { ProductEditor } from './pages/admin-catalog-pages';
import { AdminEmailsPage } from './pages/admin-emails-pages';
import { AdminOrderPage } from './pages/admin-orders-pages';
import { CheckoutGiftCards, GiftCardBalancePage, GiftCardProductPage } from './pages/gift-card-pages';
import { ProductPage } from './pages/product-page';
import { CartPage, cartLink, CheckoutPage, ConfirmationPage } from './pages/shop-pages';
import { findBuyableVariant, uniqueEmail } from './support/commerce';

// A guest buys a gift card for a friend (manual payment; staff mark it paid); the friend finds the code in the email,
// pays part of an order with it and the rest manually, and the balance page says what is left. Shoppers on a phone.

const PHONE = { viewport: { width: 390, height: 844 } };
const CODE = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/;

test('a guest buys a gift card for a friend, who pays part of an order with it and the rest manually', async ({ page, browser, request }) => {
  test.setTimeout(180_000); // three people, two orders and an admin product on a busy two-core machine
  const s = randomBytes(3).toString('hex');
  const title = `Gift card ${s}`;

  // Staff sell gift cards: a product of type "Gift card" whose variants are its denominations.
  await new AdminShell(page).signIn(undefined, '/admin/products/new');
  const editor = new ProductEditor(page);
  await editor.gotoNew();
  await editor.fillDetails({ title, status: 'Active — shown in the store' });
  await editor.form.getByLabel('Gift card', { exact: true }).check();
  await editor.addOptions([['Amount', '25, 50']]);
  await editor.setVariant('25', { price: '25.00', stock: '100' });
  await editor.setVariant('50', { price: '50.00', stock: '100' });
  await editor.fillSkusAndCopyPrice();
  await editor.create();

  // The buyer, a guest on a phone, sends a $50 card to a friend.
  const friend = uniqueEmail('friend');
  const buyerContext = await browser.newContext(PHONE);
  const buyer = await buyerContext.newPage();
  const product = new ProductPage(buyer);
  await product.goto(`gift-card-${s}`);
  await product.choose({ Amount: '50' });
  await new GiftCardProductPage(buyer).sendTo({ email: friend, name: 'Robin', message: `Happy birthday ${s}!` });
  await product.add(1);
  await cartLink(buyer).click();
  await new CartPage(buyer).checkout();
  const buyerCheckout = new CheckoutPage(buyer);
  await buyerCheckout.chooseDelivery({ country: 'US', region: 'TX' });
  // A gift card is neither taxed nor shipped: the total is its price.
  await expect(new CheckoutGiftCards(buyer).row('Total')).toHaveText('$50.00');
  await buyerCheckout.fillDetails({ email: uniqueEmail('gift-buyer'), name: 'Sam Giver', line1: '1 Congress Ave', city: 'Austin', postalCode: '78701' });
  await buyerCheckout.placeOrder();
  const giftOrder = (await new ConfirmationPage(buyer).orderNumber.textContent())!;
  await buyerContext.close();

  // Nothing is issued until it is paid; staff confirm the bank transfer.
  const order = new AdminOrderPage(page);
  await order.goto(giftOrder);
  await order.markPaid();
  await expect(order.timeline).toContainText('1 gift card issued and emailed');

  // The friend's email carries the code (read in Admin → Emails, as a developer without SMTP would).
  const emails = new AdminEmailsPage(page);
  await emails.goto();
  await emails.filterByRecipient(friend);
  await emails.open('Sam Giver sent you a gift card');
  const text = await emails.textPart();
  expect(text).toContain(`Happy birthday ${s}!`);
  expect(text).toContain('$50.00');
  const code = text.match(CODE)![0];
  await expect(emails.htmlPart().getByText(code)).toBeVisible();

  // The friend, on a phone: the balance first, then an order worth more than the card.
  const friendContext = await browser.newContext(PHONE);
  const shopper = await friendContext.newPage();
  const balance = new GiftCardBalancePage(shopper);
  await balance.check(code.toLowerCase());
  await expect(balance.balance).toHaveText('$50.00');

  const variant = await findBuyableVariant(request, 7, 2, 7000);
  const quantity = Math.min(variant.maxQuantity, Math.ceil(7000 / variant.priceCents));
  const friendProduct = new ProductPage(shopper);
  await friendProduct.goto(variant.slug);
  await friendProduct.choose(variant.options);
  await friendProduct.add(quantity);
  await cartLink(shopper).click();
  await new CartPage(shopper).checkout();
  const checkout = new CheckoutPage(shopper);
  await checkout.chooseDelivery({ country: 'US', region: 'TX' });
  const giftCards = new CheckoutGiftCards(shopper);
  await giftCards.apply(code);
  await expect(giftCards.applied).toContainText(`Gift card •••• ${code.slice(-4)}`);
  await expect(giftCards.row(`Gift card •••• ${code.slice(-4)}`)).toHaveText('−$50.00');
  const total = Number((await giftCards.row('Total').textContent())!.replace(/[^0-9.]/g, ''));
  expect(total).toBeGreaterThan(50);
  await expect(giftCards.row('To pay')).toHaveText(`$${(total - 50).toFixed(2)}`);
  await checkout.fillDetails({ email: friend, name: 'Robin Friend', line1: '2 Congress Ave', city: 'Austin', postalCode: '78701' });
  await checkout.placeOrder();
  const friendOrder = (await new ConfirmationPage(shopper).orderNumber.textContent())!;

  // The card is spent; the rest of the order waits for the manual payment.
  await balance.check(code);
  await expect(balance.balance).toHaveText('$0.00');
  await expect(balance.form.locator('..')).toContainText('Fully spent');
  await friendContext.close();

  await order.goto(friendOrder);
  await expect(order.timeline).toContainText('awaiting payment');
  await page.goto('/admin/gift-cards');
  await expect(page.getByRole('table', { name: 'Gift cards' })).toContainText(friend);
});
