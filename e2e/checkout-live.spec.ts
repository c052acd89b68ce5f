import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { axeViolations } from './support/axe';
import { CartPage, CheckoutPage } from './pages/shop-pages';
import { ProductPage } from './pages/product-page';
import { findBuyableVariant, uniqueEmail } from './support/commerce';
import { expectNoSidewaysScroll } from './support/layout';

// The one-page checkout re-prices itself on the server as the shopper fills it in: no "Update" press with
// JavaScript. Each journey runs on a phone (390 px) and a desktop (1280 px).

const WIDTHS = [390, 1280] as const;

/** A cart with one item (bought at desktop width), then the checkout at the width under test. */
async function toCheckout(page: Page, variantIndex: number, width: number): Promise<CheckoutPage> {
  const variant = await findBuyableVariant(page.request, variantIndex, 1);
  await new ProductPage(page).buy(variant, 1);
  await page.setViewportSize({ width, height: 844 });
  const cart = new CartPage(page);
  await cart.goto();
  await cart.checkout();
  return new CheckoutPage(page);
}

async function expectNoAxeViolations(page: Page, what: string) {
  expect(await axeViolations(page), what).toEqual([]);
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width: 1280, height: 900 } });

    test('a UK shopper picks the country first, then types the address: rates and VAT update live, the order is placed', async ({ page }) => {
      test.slow(); // a whole purchase on a 2-core machine
      const checkout = await toCheckout(page, 10 + (width === 390 ? 0 : 1), width);
      await expect(page.getByRole('button', { name: 'Update order summary' })).toHaveCount(0);
      await expectNoAxeViolations(page, 'empty checkout');
      await expectNoSidewaysScroll(page);
      const usTotals = await checkout.totals.textContent();

      await checkout.details.getByLabel('Country').selectOption({ label: 'United Kingdom' });
      // The summary changes on its own: European rates and UK VAT, before anything is submitted.
      await expect(checkout.totals).toContainText('Standard International');
      await expect(checkout.totals).not.toContainText(/Tax\s*\$0\.00/);
      await expect(checkout.totals).not.toHaveText(usTotals!);
      await expect(checkout.details.getByRole('radio', { name: /Standard International/ })).toBeChecked();
      // The UK has no list of states: an optional text box, and no US state to pick.
      await expect(checkout.details.getByLabel('State', { exact: true })).toHaveCount(0);

      await checkout.fillDetails({ email: uniqueEmail('uk'), name: 'Ada Lovelace', line1: '10 Downing Street', city: 'London', postalCode: 'sw1a2aa' });
      await expectNoAxeViolations(page, 'filled checkout');
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: test.info().outputPath(`checkout-filled-${width}.png`), fullPage: true });
      // On a phone the total is on the page before the button that places the order.
      const total = checkout.totals.getByText('Total', { exact: true });
      const totalBox = (await total.boundingBox())!;
      const buttonBox = (await checkout.details.getByRole('button', { name: 'Place order' }).boundingBox())!;
      if (width === 390) expect(totalBox.y).toBeLessThan(buttonBox.y);
      await checkout.placeOrder();
      const shipTo = page.locator('address').first();
      await expect(shipTo).toContainText('SW1A 2AA');
    });

    test('a US shopper: the state adds its sales tax, a faster rate its price — live, then the order is placed', async ({ page }) => {
      test.slow();
      const checkout = await toCheckout(page, 12 + (width === 390 ? 0 : 1), width);
      await expect(checkout.totals).toContainText(/Tax\s*\$0\.00/);
      await checkout.fillDetails({ email: uniqueEmail('us'), name: 'Grace Hopper', line1: '1 Infinite Loop', city: 'Cupertino', postalCode: '95014' });
      const before = await checkout.totals.textContent();
      await checkout.details.getByLabel('State', { exact: true }).selectOption({ label: 'California' });
      await expect(checkout.totals).not.toContainText(/Tax\s*\$0\.00/);
      await expect(checkout.totals).not.toHaveText(before!);
      const withTax = await checkout.totals.textContent();
      await checkout.details.getByRole('radio', { name: /^Express/ }).check();
      await expect(checkout.totals).toContainText('Shipping (Express)');
      await expect(checkout.totals).not.toHaveText(withTax!);
      await expect(page.getByRole('button', { name: 'Update order summary' })).toHaveCount(0);
      await checkout.placeOrder();
      await expect(page.locator('address').first()).toContainText('Cupertino, CA 95014');
    });

    test('changing the country after filling an address clears the state, re-prices, and asks for the new country’s postal code', async ({ page }) => {
      test.slow();
      const checkout = await toCheckout(page, 14 + (width === 390 ? 0 : 1), width);
      await checkout.fillDetails({ email: uniqueEmail('move'), name: 'Moving Shopper', line1: '400 Broad St', city: 'Seattle', postalCode: '98109' });
      await checkout.chooseRegion('WA');
      await expect(checkout.totals).not.toContainText(/Tax\s*\$0\.00/);
      const usTotals = await checkout.totals.textContent();

      await checkout.chooseCountry('CA');
      const province = checkout.details.getByLabel('Province or territory');
      await expect(province).toHaveValue('');
      await expect(checkout.totals).not.toHaveText(usTotals!);
      // What was typed stays; the US ZIP is now wrong for Canada and says so.
      await expect(checkout.details.getByLabel('Street address')).toHaveValue('400 Broad St');
      await checkout.details.getByRole('button', { name: 'Place order' }).click();
      await expect(checkout.details.getByLabel('Postal code')).toHaveAccessibleDescription(/Enter a valid postal code \(e\.g\. K1A 0B1\)/);
      await expect(checkout.details.getByLabel('Street address')).toHaveValue('400 Broad St');

      await province.selectOption({ label: 'British Columbia' });
      await checkout.details.getByLabel('City').fill('Vancouver');
      await checkout.details.getByLabel('Postal code').fill('V6B 1A1');
      await checkout.placeOrder();
      await expect(page.locator('address').first()).toContainText('Vancouver, BC V6B 1A1');
      await expect(page.locator('address').first()).toContainText('Canada');
    });

    test('a postal code that does not fit the country: said at the field, and the order refused keeping every typed value', async ({ page }) => {
      const checkout = await toCheckout(page, 16 + (width === 390 ? 0 : 1), width);
      await checkout.chooseCountry('GB');
      const email = uniqueEmail('postcode');
      await checkout.fillDetails({ email, name: 'Wrong Code', line1: '221B Baker Street', city: 'London', postalCode: '12345' });
      const postal = checkout.details.getByLabel('Postal code');
      // Said on leaving the field, by the rule the server applies.
      await checkout.details.getByLabel('Phone').focus();
      await expect(postal).toHaveAttribute('aria-invalid', 'true');
      await expect(postal).toHaveAccessibleDescription('Enter a valid postal code (e.g. SW1A 1AA).');

      await checkout.details.getByRole('button', { name: 'Place order' }).click();
      await expect(checkout.details.getByRole('alert')).toContainText('Please check the highlighted fields.');
      await expect(postal).toHaveAccessibleDescription('Enter a valid postal code (e.g. SW1A 1AA).');
      await expect(postal).toHaveValue('12345');
      await expect(checkout.details.getByLabel('Email', { exact: true })).toHaveValue(email);
      await expect(checkout.details.getByLabel('Street address')).toHaveValue('221B Baker Street');
      await expect(checkout.details.getByLabel('Country')).toHaveValue('GB');
      await expectNoAxeViolations(page, 'checkout with errors');
      await expectNoSidewaysScroll(page);
    });
  });
}

test('registering signs the customer in; addresses can be edited with the checkout’s inputs; account pages fit a phone', async ({ page }) => {
  test.slow();
  await page.goto('/account/register');
  const form = page.getByRole('form', { name: 'Create an account' });
  await form.getByLabel('Name').fill('Edie Tor');
  await form.getByLabel('Email').fill(uniqueEmail('edit'));
  await form.getByLabel('Password').fill('edit-my-address-please');
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('banner').getByRole('link', { name: 'Account' })).toBeVisible();

  await page.goto('/account/addresses');
  const add = page.getByRole('form', { name: 'Add an address' });
  await expect(add.getByLabel('Full name')).toHaveValue('Edie Tor');
  await add.getByLabel('Street address').fill('500 Pine St');
  await add.getByLabel('City').fill('Portland');
  await add.getByLabel('State', { exact: true }).selectOption('OR');
  await add.getByLabel('Postal code').fill('97204');
  await add.getByRole('button', { name: 'Save address' }).click();
  const book = page.getByRole('list', { name: 'Saved addresses' });
  await expect(book.getByRole('listitem', { name: 'Edie Tor, 500 Pine St' })).toContainText('United States');

  // Moving to the UK: the same country, region and postal code inputs as the checkout.
  const item = book.getByRole('listitem', { name: 'Edie Tor, 500 Pine St' });
  await item.getByText('Edit').click();
  const edit = item.getByRole('form', { name: 'Edit Edie Tor, 500 Pine St' });
  await edit.getByLabel('Country').selectOption('GB');
  await expect(edit.getByLabel('State', { exact: true })).toHaveCount(0);
  await edit.getByLabel('Street address').fill('1 Piccadilly');
  await edit.getByLabel('City').fill('London');
  await edit.getByLabel('Postal code').fill('not a postcode');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByLabel('Postal code')).toHaveAccessibleDescription(/Enter a valid postal code/);
  await expect(edit.getByLabel('Street address')).toHaveValue('1 Piccadilly');
  await edit.getByLabel('Postal code').fill('W1J 9LL');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  const moved = book.getByRole('listitem', { name: 'Edie Tor, 1 Piccadilly' });
  await expect(moved).toContainText('London W1J 9LL');
  await expect(moved).toContainText('United Kingdom');
  await expect(book.getByRole('listitem')).toHaveCount(1);
  await expectNoAxeViolations(page, 'address book');

  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/account', '/account/addresses', '/account/orders', '/account/security']) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
  }
});

test('account pages and checkout fit a phone when signed out too', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/checkout', '/account/sign-in', '/account/register', '/account/forgot-password']) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
  }
});

test.describe('times in the shopper’s own time zone', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('an order in the history and on its page is dated in local time, its country named', async ({ page }) => {
    test.slow();
    const email = uniqueEmail('tokyo');
    await page.goto('/account/register');
    const form = page.getByRole('form', { name: 'Create an account' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill('time-zones-are-fun');
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible({ timeout: 20_000 });
    const checkout = await toCheckout(page, 18, 1280);
    await checkout.chooseCountry('JP');
    await checkout.chooseRegion('TOKYO');
    await checkout.fillDetails({ name: 'Tokyo Shopper', line1: '1-1 Chiyoda', city: 'Tokyo', postalCode: '100-0001' });
    await checkout.placeOrder();
    const number = (await page.getByTestId('order-number').textContent())!;
    await page.goto(`/account/orders/${number}`);
    await expect(page.locator('address').first()).toContainText('Japan');
    const placed = page.locator('dd time').first();
    await expect(placed).toContainText('GMT+9');
    await page.goto('/account/orders');
    await expect(page.getByRole('row', { name: new RegExp(number) }).locator('time')).toHaveAttribute('datetime', /Z$/);
  });
});
