import { expect, test } from './support/test';
import { findBuyableVariant, uniqueEmail } from './support/commerce';

// Progressive enhancement: the whole purchase works with JavaScript off (plain form posts to server actions).
test.use({ javaScriptEnabled: false });

test('without JavaScript: add to cart, change quantity, check out, see the confirmation', async ({ page, request }) => {
  test.slow(); // a long journey: several pages and an order on a 2-core machine
  const variant = await findBuyableVariant(request, 4, 2);
  const query = new URLSearchParams(Object.entries(variant.options).map(([name, value]) => [name.toLowerCase(), value]));
  await page.goto(`/products/${variant.slug}?${query}`);
  const form = page.getByRole('form', { name: 'Add to cart' });
  await form.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added to your cart' })).toBeVisible();

  await page.goto('/cart');
  const item = page.getByRole('list', { name: 'Cart items' }).getByRole('listitem').first();
  await item.getByLabel(/^Quantity/).fill('2');
  await item.getByRole('button', { name: /^Update/ }).click();
  await expect(page.getByTestId('cart-subtotal')).toContainText('2 items');

  await page.getByRole('link', { name: 'Check out' }).click();
  // One form; without JavaScript nothing re-prices by itself, so an explicit step updates the summary.
  const checkout = page.getByRole('form', { name: 'Checkout' });
  const totals = page.getByTestId('order-totals');
  await expect(totals).toContainText(/Tax\s*\$0\.00/);
  await checkout.getByLabel('Email', { exact: true }).fill(uniqueEmail('nojs'));
  await checkout.getByLabel('Full name').fill('No Script');
  await checkout.getByLabel('Street address').fill('400 Broad St');
  await checkout.getByLabel('City').fill('Seattle');
  await checkout.getByLabel('State', { exact: true }).selectOption('WA');
  await checkout.getByLabel('Postal code').fill('98109');
  await checkout.getByRole('button', { name: 'Update order summary' }).click();
  // Washington's sales tax is in the summary now, and what was typed is still there.
  await expect(totals).not.toContainText(/Tax\s*\$0\.00/);
  await expect(checkout.getByLabel('Street address')).toHaveValue('400 Broad St');
  await expect(checkout.getByLabel('State', { exact: true })).toHaveValue('WA');
  await checkout.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible();
  await expect(page.getByTestId('order-number')).toHaveText(/^SF-/);
});
