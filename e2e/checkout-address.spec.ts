import { expect, type Page, test } from '@playwright/test';
import { AccountPages, AddressBook, CartPage, CheckoutPage } from './pages/shop-pages';
import { ProductPage } from './pages/product-page';
import { axeViolations } from './support/axe';
import { findBuyableVariant, uniqueEmail } from './support/commerce';
import { expectNoSidewaysScroll } from './support/layout';

// Each journey registers, signs in and checks out (the second also fills the address book twice): longer than one
// test's default budget on a busy machine.
test.slow();

async function newCustomer(page: Page, label: string) {
  const email = uniqueEmail(label);
  await new AccountPages(page).register(email, 'address-book-password', 'Addy Customer', { staySignedIn: true });
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
  await expect(page.getByRole('group', { name: 'Saved addresses' })).toHaveCount(0);
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

const HOME = { name: 'Addy Home', line1: '500 Pine St', city: 'Portland', region: 'OR', postalCode: '97204' };
const SEATTLE = { name: 'Addy Elsewhere', line1: '400 Broad St', city: 'Seattle', region: 'WA', postalCode: '98109' };
const LONDON = { name: 'Addy Abroad', line1: '1 Piccadilly', city: 'London', postalCode: 'W1J 9LL', country: 'GB' };
// Saved first, so it is the default: the store does not ship to Cuba.
const HAVANA = { name: 'Addy Havana', line1: 'Calle 23 No. 101', city: 'Havana', postalCode: '10400', unlisted: { code: 'CU', name: 'Cuba' } };

async function fillBook(page: Page, addresses: Parameters<AddressBook['add']>[0][]) {
  const book = new AddressBook(page);
  await book.goto();
  for (const address of addresses) await book.add(address);
}

for (const width of [390, 1280]) {
  test(`at ${width} px: a saved address fills the fields in place and stays editable; another replaces it, “A new address” clears them; one the store does not ship to cannot be picked`, async ({ page }) => {
    await newCustomer(page, `address-pick-${width}`);
    await fillBook(page, [HAVANA, HOME, SEATTLE, LONDON]);
    const checkout = await toCheckout(page, width === 390 ? 7 : 20);
    await page.setViewportSize({ width, height: 844 });
    const saved = checkout.details.getByRole('group', { name: 'Saved addresses' });
    const field = (label: string) => checkout.details.getByLabel(label, { exact: true });

    // The default address is in Cuba: listed, not usable, and not filled in; the first usable one is.
    const havana = saved.getByRole('radio', { name: /^Addy Havana/ });
    await expect(havana).toBeDisabled();
    await expect(havana).toHaveAccessibleDescription('We do not ship to Cuba.');
    await expect(saved.getByRole('radio', { name: /^Addy Home/ })).toBeChecked();
    await expect(field('Street address')).toHaveValue('500 Pine St');
    await expect(checkout.region()).toHaveValue('OR');
    await expect(checkout.totals).toContainText(/Tax\s*\$0\.00/);
    await expect(field('Country')).not.toContainText('Cuba');
    expect(await axeViolations(page), 'saved addresses').toEqual([]);
    await expectNoSidewaysScroll(page, `checkout with saved addresses at ${width} px`);

    // Picking fills in place: no navigation, nothing else typed is lost, and the summary is re-priced (Washington's tax).
    const url = page.url();
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await checkout.details.getByLabel(/^Note for the store/).fill('Leave it with the neighbours');
    await saved.getByRole('radio', { name: /^Addy Elsewhere/ }).check();
    await expect(field('Full name')).toHaveValue('Addy Elsewhere');
    await expect(field('Street address')).toHaveValue('400 Broad St');
    await expect(field('City')).toHaveValue('Seattle');
    await expect(checkout.region()).toHaveValue('WA');
    await expect(field('Postal code')).toHaveValue('98109');
    await expect(checkout.totals).not.toContainText(/Tax\s*\$0\.00/);
    await checkout.settled();
    expect(page.url()).toBe(url);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await expect(checkout.details.getByLabel(/^Note for the store/)).toHaveValue('Leave it with the neighbours');

    // The filled fields are the shopper's to edit.
    await field('Apartment, suite, etc. (optional)').fill('Suite 5');
    await field('City').fill('Tacoma');
    await expect(field('City')).toHaveValue('Tacoma');

    // Another saved address replaces them, edits included, and re-prices for its country.
    await saved.getByRole('radio', { name: /^Addy Abroad/ }).check();
    await expect(field('Country')).toHaveValue('GB');
    await expect(field('Street address')).toHaveValue('1 Piccadilly');
    await expect(field('Apartment, suite, etc. (optional)')).toHaveValue('');
    await expect(field('Postal code')).toHaveValue('W1J 9LL');
    await expect(field('State')).toHaveCount(0);
    await expect(checkout.totals).toContainText('Standard International');

    // A new address: empty fields (the country stays), nothing left of the saved one.
    await saved.getByRole('radio', { name: 'A new address' }).check();
    for (const label of ['Full name', 'Street address', 'City', 'Postal code']) await expect(field(label)).toHaveValue('');
    await expect(field('Country')).toHaveValue('GB');

    // Back to a saved one, edited, and the order goes to the edited address.
    await saved.getByRole('radio', { name: /^Addy Elsewhere/ }).check();
    await expect(field('City')).toHaveValue('Seattle');
    await expect(checkout.region()).toHaveValue('WA');
    await field('Apartment, suite, etc. (optional)').fill('Suite 5');
    await expect(checkout.totals).toContainText('Shipping (Standard)');
    expect(await axeViolations(page), 'a saved address picked and edited').toEqual([]);
    await checkout.details.getByLabel('Save this address to my address book').check();
    await checkout.placeOrder();
    const shipTo = page.locator('address').first();
    await expect(shipTo).toContainText('Suite 5');
    await expect(shipTo).toContainText('Seattle, WA 98109');

    // Saving an edited copy adds it; the book keeps the four it had.
    await page.goto('/account/addresses');
    await expect(page.getByRole('list', { name: 'Saved addresses' }).getByRole('listitem')).toHaveCount(5);
  });
}

test('without JavaScript the saved addresses still fill the checkout: pick one, “Use this address”, and the page comes back filled', async ({ page, browser }) => {
  await newCustomer(page, 'address-nojs');
  await fillBook(page, [HAVANA, HOME, SEATTLE]);
  await toCheckout(page, 21);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  try {
    const noScript = await context.newPage();
    await noScript.goto('/checkout');
    const checkout = new CheckoutPage(noScript);
    const saved = checkout.details.getByRole('group', { name: 'Saved addresses' });
    const field = (label: string) => checkout.details.getByLabel(label, { exact: true });
    await expect(saved.getByRole('radio', { name: /^Addy Havana/ })).toBeDisabled();
    await expect(field('Street address')).toHaveValue('500 Pine St');

    await saved.getByRole('radio', { name: /^Addy Elsewhere/ }).check();
    await saved.getByRole('button', { name: 'Use this address' }).click();
    await expect(noScript).toHaveURL(/\?address=/);
    await expect(field('Street address')).toHaveValue('400 Broad St');
    await expect(checkout.region()).toHaveValue('WA');
    await expect(checkout.totals).not.toContainText(/Tax\s*\$0\.00/);
    await expect(saved.getByRole('radio', { name: /^Addy Elsewhere/ })).toBeChecked();

    await saved.getByRole('radio', { name: 'A new address' }).check();
    await saved.getByRole('button', { name: 'Use this address' }).click();
    await expect(noScript).toHaveURL(/\?address=new/);
    for (const label of ['Full name', 'Street address', 'City', 'Postal code']) await expect(field(label)).toHaveValue('');
  } finally {
    await context.close();
  }
});

// A German order was once stored with region "CA" left over from a saved US address: changing the country now clears
// the region, and Germany has no region field at all.
test('shipping to Germany from a saved US address: the US state goes with the country and never reaches the order', async ({ page }) => {
  await newCustomer(page, 'address-abroad');
  await fillBook(page, [{ name: 'Addy Abroad', line1: '1 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105' }]);
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
