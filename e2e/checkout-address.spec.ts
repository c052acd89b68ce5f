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
  await expect(saved).toContainText('Portland, OR 97204');
  await expect(saved).toContainText('United States');
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
    await form.getByLabel('State', { exact: true }).selectOption(address.region);
    await form.getByLabel('Postal code').fill(address.postalCode);
    await form.getByRole('button', { name: 'Save address' }).click();
    await expect(book.getByRole('listitem', { name: `${address.name}, ${address.line1}` })).toBeVisible();
  }

  const checkout = await toCheckout(page, 7);
  // The default address fills the form to begin with.
  await expect(checkout.details.getByLabel('Street address')).toHaveValue('500 Pine St');
  const picker = page.getByRole('form', { name: 'Saved addresses' });
  await picker.getByLabel('Use a saved address').selectOption({ label: 'Addy Elsewhere, 400 Broad St, Seattle 98109, United States' });
  await picker.getByRole('button', { name: 'Use this address' }).click();
  await expect(checkout.region()).toHaveValue('WA');
  await expect(checkout.details.getByLabel('Full name')).toHaveValue('Addy Elsewhere');
  await expect(checkout.details.getByLabel('Street address')).toHaveValue('400 Broad St');
  await expect(checkout.details.getByLabel('City')).toHaveValue('Seattle');
  await expect(checkout.details.getByLabel('Postal code')).toHaveValue('98109');
  await checkout.details.getByLabel('Save this address to my address book').check();
  await checkout.placeOrder();

  await page.goto('/account/addresses');
  await expect(book.getByRole('listitem')).toHaveCount(2);
});

// A German order was once stored with region "CA" left over from a saved US address: changing the country now clears
// the region, and Germany has no region field at all.
test('shipping to Germany from a saved US address: the US state goes with the country and never reaches the order', async ({ page }) => {
  await newCustomer(page, 'address-abroad');
  await page.goto('/account/addresses');
  const form = page.getByRole('form', { name: 'Add an address' });
  await form.getByLabel('Full name').fill('Addy Abroad');
  await form.getByLabel('Street address').fill('1 Market St');
  await form.getByLabel('City').fill('San Francisco');
  await form.getByLabel('State', { exact: true }).selectOption('CA');
  await form.getByLabel('Postal code').fill('94105');
  await form.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByRole('list', { name: 'Saved addresses' }).getByRole('listitem')).toHaveCount(1);

  const checkout = await toCheckout(page, 8);
  await expect(checkout.region()).toHaveValue('CA');
  await expect(checkout.totals).toContainText(/Tax\s*\$[1-9]/);
  const before = await checkout.totals.textContent();
  await checkout.chooseCountry('DE');
  await expect(checkout.region()).toHaveCount(0);
  // German VAT and the European rates, without any button.
  await expect(checkout.totals).toContainText('Standard International');
  await expect(checkout.totals).not.toHaveText(before!);

  await checkout.fillDetails({ name: 'Addy Abroad', line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117' });
  await checkout.placeOrder();
  const number = (await page.getByTestId('order-number').textContent())!;
  await page.goto(`/account/orders/${number}`);
  const shipTo = page.locator('address').first();
  await expect(shipTo).toContainText('Berlin 10117');
  await expect(shipTo).toContainText('Germany');
  await expect(shipTo).not.toContainText(', CA');
});
