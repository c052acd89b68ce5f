import { expect, test } from '@playwright/test';
import { AccountPages, CartPage, CheckoutPage } from './pages/shop-pages';
import { ProductPage } from './pages/product-page';
import { findBuyableVariant, uniqueEmail } from './support/commerce';

test('a customer keeps the checkout address in the address book, and picks a saved one to fill in the next checkout', async ({ page, request }) => {
  const email = uniqueEmail('address-book');
  const password = 'address-book-password';
  const account = new AccountPages(page);
  await account.register(email, password);
  await account.signIn(email, password);

  const variant = await findBuyableVariant(request, 6, 2);
  const product = new ProductPage(page);
  const cart = new CartPage(page);
  const checkout = new CheckoutPage(page);
  await product.buy(variant, 1);
  await cart.goto();
  await cart.checkout();
  // An empty address book: nothing to pick from.
  await expect(page.getByRole('form', { name: 'Saved addresses' })).toHaveCount(0);
  await checkout.chooseDelivery({ country: 'US', region: 'OR' });
  await checkout.fillDetails({ name: 'Addy Saver', line1: '500 Pine St', city: 'Portland', postalCode: '97204' });
  await checkout.details.getByLabel('Save this address to my address book').check();
  await checkout.placeOrder();

  await page.goto('/account/addresses');
  const book = page.getByRole('list', { name: 'Saved addresses' });
  await expect(book.getByRole('listitem')).toHaveCount(1);
  const saved = book.getByRole('listitem', { name: 'Addy Saver, 500 Pine St' });
  await expect(saved).toContainText('Portland, OR 97204, US');
  await expect(saved).toContainText('Default');

  // A second address, added in the book; the next checkout starts from the default and can switch to it.
  const form = page.getByRole('form', { name: 'Add an address' });
  await form.getByLabel('Full name').fill('Addy Elsewhere');
  await form.getByLabel('Street address').fill('400 Broad St');
  await form.getByLabel('City').fill('Seattle');
  await form.getByLabel('State / region').fill('WA');
  await form.getByLabel('Postal code').fill('98109');
  await form.getByRole('button', { name: 'Save address' }).click();
  await expect(form.getByRole('status')).toHaveText('Address saved.');
  await expect(book.getByRole('listitem')).toHaveCount(2);

  await product.buy(variant, 1);
  await cart.goto();
  await cart.checkout();
  await expect(checkout.details.getByLabel('Street address')).toHaveValue('500 Pine St');
  const picker = page.getByRole('form', { name: 'Saved addresses' });
  await picker.getByLabel('Ship to a saved address').selectOption({ label: 'Addy Elsewhere, 400 Broad St, Seattle 98109, US' });
  await picker.getByRole('button', { name: 'Use this address' }).click();
  await expect(checkout.delivery.getByLabel('State / region')).toHaveValue('WA');
  await expect(checkout.details.getByLabel('Full name')).toHaveValue('Addy Elsewhere');
  await expect(checkout.details.getByLabel('Street address')).toHaveValue('400 Broad St');
  await expect(checkout.details.getByLabel('City')).toHaveValue('Seattle');
  await expect(checkout.details.getByLabel('Postal code')).toHaveValue('98109');
  // Saving an address the book already has adds no copy.
  await checkout.details.getByLabel('Save this address to my address book').check();
  await checkout.placeOrder();
  await page.goto('/account/addresses');
  await expect(book.getByRole('listitem')).toHaveCount(2);
});
