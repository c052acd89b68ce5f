import { expect, test } from './support/test';
import { AccountPages, CartPage, cartLink, CheckoutPage, ConfirmationPage } from './pages/shop-pages';
import { ProductPage } from './pages/product-page';
import { findBuyableVariant, uniqueEmail } from './support/commerce';
import { latestMail } from './support/mailbox';
import { E2E_CUSTOMER } from './support/environment';

test('register → guest cart → sign in merges it → checkout with WELCOME10 → order in history; others get 404', async ({ page, request, browser }) => {
  test.slow(); // a long journey: several pages and an order on a 2-core machine
  const email = uniqueEmail('member');
  const password = 'member-password-123';
  const account = new AccountPages(page);
  await account.register(email, password);

  // Shopping as a guest first; the cart follows the shopper into the account.
  // WELCOME10 needs a $50 subtotal: a variant that reaches it within its stock limit.
  const variant = await findBuyableVariant(request, 2, 1, 5000);
  const quantity = Math.max(1, Math.ceil(5000 / variant.priceCents));
  expect(quantity * variant.priceCents).toBeGreaterThanOrEqual(5000);
  await new ProductPage(page).buy(variant, quantity);
  await expect(cartLink(page)).toHaveAccessibleName(`Cart, ${quantity} ${quantity === 1 ? 'item' : 'items'}`);

  await account.signIn(email, password);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Account' })).toBeVisible();
  await expect(cartLink(page)).toHaveAccessibleName(`Cart, ${quantity} ${quantity === 1 ? 'item' : 'items'}`);

  const cart = new CartPage(page);
  await cart.goto();
  await expect(cart.items).toHaveCount(1);
  await cart.checkout();
  const checkout = new CheckoutPage(page);
  await checkout.chooseDelivery({ country: 'US', region: 'NY', code: 'welcome10' });
  await expect(checkout.totals).toContainText('Discount (WELCOME10)');
  await expect(checkout.details.getByLabel('Email', { exact: true })).toHaveValue(email);
  await checkout.fillDetails({ name: 'Member Shopper', line1: '350 5th Ave', city: 'New York', postalCode: '10118' });
  await checkout.placeOrder();
  const number = (await new ConfirmationPage(page).orderNumber.textContent())!;

  await page.goto('/account/orders');
  await expect(page.getByRole('link', { name: number })).toBeVisible();
  await page.getByRole('link', { name: number }).click();
  await expect(page.getByRole('heading', { name: `Order ${number}` })).toBeVisible();
  await expect(page.getByTestId('order-totals')).toContainText('Discount (WELCOME10)');

  // Signing out: the header (filled in by the browser on cached pages) no longer shows an account or a cart.
  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(cartLink(page)).toHaveAccessibleName('Cart, 0 items');

  // Another customer asking for this order number gets the same 404 as for a number that does not exist.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await new AccountPages(otherPage).signIn(E2E_CUSTOMER.email, E2E_CUSTOMER.password);
  expect((await otherPage.goto(`/account/orders/${number}`))?.status()).toBe(404);
  expect((await otherPage.goto('/account/orders/SF-00000000'))?.status()).toBe(404);
  await other.close();

  expect((await latestMail(email, new RegExp(`^Order confirmation ${number}$`))).text).toContain(number);
});

test('a wrong password and an unknown email get the same answer', async ({ page }) => {
  // A fresh account, so repeated runs against a shared Redis never use up the demo customer's failure budget.
  const existing = uniqueEmail('known');
  await new AccountPages(page).register(existing, 'known-password-123');
  const form = page.getByRole('form', { name: 'Sign in' });
  for (const email of [existing, uniqueEmail('nobody')]) {
    await page.goto('/account/sign-in');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill('not-the-password');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(form.getByRole('alert')).toHaveText('The email or password is not correct.');
  }
});

test('password reset by emailed single-use link ends the old password', async ({ page }) => {
  const email = uniqueEmail('reset');
  const account = new AccountPages(page);
  await account.register(email, 'original-password');

  await page.goto('/account/forgot-password');
  const form = page.getByRole('form', { name: 'Request a password reset' });
  await form.getByLabel('Email').fill(email);
  await form.getByRole('button', { name: 'Email me a link' }).click();
  await expect(form.getByRole('status')).toContainText('If an account exists');

  const mail = await latestMail(email, /^Reset your password$/);
  const link = /https?:\/\/\S+reset-password\?token=\S+/.exec(mail.text)![0];
  const path = new URL(link).pathname + new URL(link).search;
  await page.goto(path);
  const reset = page.getByRole('form', { name: 'Choose a new password' });
  await reset.getByLabel('New password').fill('replacement-password');
  await reset.getByRole('button', { name: 'Set new password' }).click();
  await expect(reset.getByRole('status')).toContainText('Your password has been changed');

  // The link works once.
  await page.goto(path);
  await reset.getByLabel('New password').fill('another-password');
  await reset.getByRole('button', { name: 'Set new password' }).click();
  await expect(reset.getByRole('alert')).toContainText('invalid or has expired');

  await page.goto('/account/sign-in');
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('Email').fill(email);
  await signIn.getByLabel('Password').fill('original-password');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn.getByRole('alert')).toBeVisible();
  await account.signIn(email, 'replacement-password');
});
