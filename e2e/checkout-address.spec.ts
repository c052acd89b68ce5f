import { expect, type Page, test } from '@playwright/test';
import { AccountPages, CartPage, CheckoutPage } from './pages/shop-pages';
import { ProductPage } from './pages/product-page';
import { findBuyableVariant, uniqueEmail } from './support/commerce';

// Each journey registers, signs in and checks out (the second also fills the address book twice): longer than one
// test's default budget on a busy machine.
test.slow();

async function newCustomer(page: Page, label: string) {
  const email = uniqueEmail(label);
  const account = new AccountPages(page);
  await account.register(email, 'address-book-password');
  await account.signIn(email, 'address-book-password');
}

async function toCheckout(page: Page, variantIndex: number) {
  const variant = await findBuyableVariant(page.request, variantIndex, 2);
  await new ProductPage(page).buy(variant, 1);
  const cart = new CartPage(page);
  await cart.goto();
  await cart.checkout();
  return new CheckoutPage(page);
}

test('a customer ticks “Save this address to my address book” and finds it in the address book', async ({ page }) => {
  await newCustomer(page, 'address-save');
  const checkout = await toCheckout(page, 6);
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
});

test('a customer picks a saved address to fill in the checkout; saving it again adds no copy', async ({ page }) => {
  await newCustomer(page, 'address-pick');
  await page.goto('/account/addresses');
  const book = page.getByRole('list', { name: 'Saved addresses' });
  const form = page.getByRole('form', { name: 'Add an address' });
  for (const address of [
    { name: 'Addy Home', line1: '500 Pine St', city: 'Portland', region: 'OR', postalCode: '97204' },
    { name: 'Addy Elsewhere', line1: '400 Broad St', city: 'Seattle', region: 'WA', postalCode: '98109' },
  ]) {
    await form.getByLabel('Full name').fill(address.name);
    await form.getByLabel('Street address').fill(address.line1);
    await form.getByLabel('City').fill(address.city);
    await form.getByLabel('State / region').fill(address.region);
    await form.getByLabel('Postal code').fill(address.postalCode);
    await form.getByRole('button', { name: 'Save address' }).click();
    await expect(book.getByRole('listitem', { name: `${address.name}, ${address.line1}` })).toBeVisible();
  }

  const checkout = await toCheckout(page, 7);
  // The default address fills the form to begin with.
  await expect(checkout.details.getByLabel('Street address')).toHaveValue('500 Pine St');
  const picker = page.getByRole('form', { name: 'Saved addresses' });
  await picker.getByLabel('Ship to a saved address').selectOption({ label: 'Addy Elsewhere, 400 Broad St, Seattle 98109, US' });
  await picker.getByRole('button', { name: 'Use this address' }).click();
  await expect(checkout.delivery.getByLabel('State / region')).toHaveValue('WA');
  await expect(checkout.details.getByLabel('Full name')).toHaveValue('Addy Elsewhere');
  await expect(checkout.details.getByLabel('Street address')).toHaveValue('400 Broad St');
  await expect(checkout.details.getByLabel('City')).toHaveValue('Seattle');
  await expect(checkout.details.getByLabel('Postal code')).toHaveValue('98109');
  await checkout.details.getByLabel('Save this address to my address book').check();
  await checkout.placeOrder();

  await page.goto('/account/addresses');
  await expect(book.getByRole('listitem')).toHaveCount(2);
});
