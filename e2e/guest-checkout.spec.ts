import { expect, test } from './support/test';
import { CartPage, cartLink, CheckoutPage, ConfirmationPage } from './pages/shop-pages';
import { ProductPage } from './pages/product-page';
import { findBuyableVariant, uniqueEmail } from './support/commerce';
import { latestMail } from './support/mailbox';

test('guest: product → variant → cart edits → checkout with manual payment → confirmation and email', async ({ page, request }) => {
  test.slow(); // a long journey: several pages and an order on a 2-core machine
  const variant = await findBuyableVariant(request, 0, 3);
  const other = await findBuyableVariant(request, 1, 1);
  const email = uniqueEmail('guest');

  const product = new ProductPage(page);
  await product.buy(variant, 2);
  await expect(cartLink(page)).toHaveAccessibleName('Cart, 2 items');
  await product.buy(other, 1);
  await expect(cartLink(page)).toHaveAccessibleName('Cart, 3 items');

  const cart = new CartPage(page);
  await cartLink(page).click();
  await expect(cart.items).toHaveCount(2);
  await cart.setQuantity(variant.title, 3);
  await expect(cart.subtotal).toContainText('4 items');
  await cart.item(other.title).getByRole('button', { name: /^Remove/ }).click();
  await expect(cart.items).toHaveCount(1);
  await expect(cartLink(page)).toHaveAccessibleName('Cart, 3 items');
  // A quantity beyond the per-line limit is refused with a message under the field, and nothing changes.
  await cart.item(variant.title).getByLabel(/^Quantity/).fill('11');
  await cart.item(variant.title).getByLabel(/^Quantity/).press('Enter');
  await expect(cart.item(variant.title).getByText(/At most 10 per item|Only \d+ available/)).toBeVisible();
  await expect(cartLink(page)).toHaveAccessibleName('Cart, 3 items');

  await cart.checkout();
  const checkout = new CheckoutPage(page);
  await checkout.chooseDelivery({ country: 'US', region: 'TX' });
  await expect(checkout.totals).toContainText('Tax');
  await checkout.fillDetails({ email, name: 'Guest Shopper', line1: '1 Congress Ave', city: 'Austin', postalCode: '78701' });
  await checkout.placeOrder();

  const confirmation = new ConfirmationPage(page);
  await expect(confirmation.orderNumber).toHaveText(/^SF-[0-9A-Z]{8}$/);
  // The email goes out moments after the order (the buyer does not wait for it): sent, or on its way.
  await expect(confirmation.emailNotice).toHaveText(new RegExp(`^A confirmation email (has been sent|is on its way) to ${email.replace(/[.+]/g, '\\$&')}\\.$`));
  const number = (await confirmation.orderNumber.textContent())!;
  await expect(cartLink(page)).toHaveAccessibleName('Cart, 0 items');

  // The confirmation email went out over SMTP, naming the order and what was bought.
  const mail = await latestMail(email, /^Order confirmation /);
  expect(mail.subject).toBe(`Order confirmation ${number}`);
  expect(mail.text).toContain(variant.title);

  // Guest lookup needs the number and the email; a wrong email finds nothing.
  await page.goto('/orders/lookup');
  const lookup = page.getByRole('form', { name: 'Find your order' });
  await lookup.getByLabel('Order number').fill(number);
  await lookup.getByLabel('Email used for the order').fill('someone-else@e2e.test');
  await lookup.getByRole('button', { name: 'Find order' }).click();
  await expect(lookup.getByRole('alert')).toContainText('could not find an order');
  await expect(lookup.getByLabel('Order number')).toHaveValue(number);
  await lookup.getByLabel('Email used for the order').fill(email.toUpperCase());
  await lookup.getByRole('button', { name: 'Find order' }).click();
  await expect(page.getByTestId('order-number')).toHaveText(number);
});

test('the confirmation page is only for the buyer', async ({ browser }) => {
  const stranger = await browser.newContext();
  const page = await stranger.newPage();
  const response = await page.goto('/checkout/confirmation');
  expect(response?.status()).toBe(404);
  await stranger.close();
});
