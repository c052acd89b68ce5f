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

// Finding 9 (issue 14): a German order was stored with region "CA" left over from a saved US address.
test('shipping to Germany from a saved US address: the US state is flagged at its field and never reaches the order', async ({ page }) => {
  await newCustomer(page, 'address-abroad');
  await page.goto('/account/addresses');
  const form = page.getByRole('form', { name: 'Add an address' });
  await form.getByLabel('Full name').fill('Addy Abroad');
  await form.getByLabel('Street address').fill('1 Market St');
  await form.getByLabel('City').fill('San Francisco');
  await form.getByLabel('State / region').fill('CA');
  await form.getByLabel('Postal code').fill('94105');
  await form.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByRole('list', { name: 'Saved addresses' }).getByRole('listitem')).toHaveCount(1);

  const checkout = await toCheckout(page, 8);
  const region = checkout.delivery.getByLabel('State / region');
  await expect(region).toHaveValue('CA');
  // Only the country changes; the saved address's state stays in its field, as it did when the bug was found.
  await checkout.delivery.getByLabel('Country').selectOption('DE');
  await checkout.delivery.getByRole('button', { name: 'Update order summary' }).click();
  await expect(page).toHaveURL(/country=DE/);
  await expect(region).toHaveValue('CA');
  await expect(region).toHaveAttribute('aria-invalid', 'true');
  await expect(region).toHaveAccessibleDescription(/Addresses in Germany have no state or region: leave it empty\./);

  await checkout.fillDetails({ name: 'Addy Abroad', line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117' });
  await checkout.details.getByRole('button', { name: 'Place order' }).click();
  await expect(checkout.details.getByRole('alert').first()).toContainText('State / region: Addresses in Germany have no state or region');
  await expect(checkout.details.getByLabel('Street address')).toHaveValue('Unter den Linden 1');

  await checkout.chooseDelivery({ country: 'DE', region: '' });
  await expect(region).not.toHaveAttribute('aria-invalid', 'true');
  await checkout.fillDetails({ name: 'Addy Abroad', line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117' });
  await checkout.placeOrder();
  const number = (await page.getByTestId('order-number').textContent())!;
  await page.goto(`/account/orders/${number}`);
  const shipTo = page.locator('address').first();
  await expect(shipTo).toContainText('Berlin 10117');
  await expect(shipTo).not.toContainText(', CA');
});
