import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { axeViolations } from './support/axe';
import { AccountPages, AddressBook, CartPage, CheckoutPage } from './pages/shop-pages';
import { AdminShell } from './pages/admin-shell';
import { ProductEditor } from './pages/admin-catalog-pages';
import { ProductPage } from './pages/product-page';
import { findBuyableVariant, uniqueEmail } from './support/commerce';
import { expectNoSidewaysScroll } from './support/layout';
import { slugify } from '../lib/catalog/slug';

// On phones the checkout opens with a bar that shows the live total and folds open the order summary (as Shopify's
// "Show order summary"); desktops keep the summary in a sticky column beside the form. And the checkout fits a
// phone in every state it can be in.

async function toCheckout(page: Page, slug: string, options: Record<string, string>, width: number): Promise<CheckoutPage> {
  await new ProductPage(page).buy({ slug, title: '', options, priceCents: 0, maxQuantity: 1 }, 1);
  await page.setViewportSize({ width, height: 844 });
  const cart = new CartPage(page);
  await cart.goto();
  await cart.checkout();
  return new CheckoutPage(page);
}

/** The order total as a summary's last row shows it ("$71.99"). */
async function totalOf(totals: Locator): Promise<string> {
  return (await totals.getByRole('definition').last().textContent())!.trim();
}

for (const width of [390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width: 1280, height: 900 } });

    test('the order summary: a bar with the live total above the form on a phone, a sticky column on a desktop', async ({ page }) => {
      test.slow();
      const variant = await findBuyableVariant(page.request, width === 390 ? 22 : 23, 1);
      const checkout = await toCheckout(page, variant.slug, variant.options, width);
      const bar = checkout.details.getByRole('button', { name: /order summary/ });
      const heading = page.getByRole('heading', { name: 'Order summary' });

      if (width === 1280) {
        await expect(bar).toBeHidden();
        await expect(heading).toBeVisible();
        // The column stays in view while the form scrolls past.
        await checkout.details.getByRole('button', { name: 'Place order' }).scrollIntoViewIfNeeded();
        await page.mouse.wheel(0, 2000);
        await expect(heading).toBeInViewport();
        await expect(checkout.totals).toBeInViewport();
        expect(await axeViolations(page), 'desktop checkout').toEqual([]);
        return;
      }

      // Collapsed: the bar is the first thing in the form, above the email, and shows the order's total.
      await expect(bar).toHaveAttribute('aria-expanded', 'false');
      await expect(bar).toHaveText(/^Show order summary/);
      const panel = page.locator(`[id="${await bar.getAttribute('aria-controls')}"]`);
      await expect(panel).toBeHidden();
      await expect(bar).toContainText(await totalOf(checkout.totals));
      const barBox = (await bar.boundingBox())!;
      const emailBox = (await checkout.details.getByLabel('Email', { exact: true }).boundingBox())!;
      expect(barBox.y + barBox.height).toBeLessThanOrEqual(emailBox.y);
      expect(await axeViolations(page), 'summary bar collapsed').toEqual([]);
      await page.screenshot({ path: test.info().outputPath('checkout-390-collapsed.png') });

      // A real disclosure: Enter and Space on the focused button open and close it.
      await bar.focus();
      await page.keyboard.press('Enter');
      await expect(bar).toHaveAttribute('aria-expanded', 'true');
      await expect(bar).toHaveText(/^Hide order summary/);
      await expect(panel).toBeVisible();
      const bars = panel.getByTestId('order-totals-bar');
      await expect(panel.getByRole('list', { name: 'Items' }).getByRole('listitem')).toContainText(variant.title);
      for (const row of ['Subtotal', 'Shipping', 'Tax', 'Total']) await expect(bars).toContainText(row);
      await page.keyboard.press('Space');
      await expect(bar).toHaveAttribute('aria-expanded', 'false');
      await expect(panel).toBeHidden();
      await page.keyboard.press('Enter');
      await expect(panel).toBeVisible();
      await expect(bar).toBeFocused();
      await page.screenshot({ path: test.info().outputPath('checkout-390-expanded.png') });

      // In step with re-pricing: another country, then a code, and the bar, its panel and the total above
      // "Place order" agree.
      await checkout.chooseCountry('GB');
      await expect(bars).toContainText('Standard International');
      await expect(bars).toHaveText((await checkout.totals.textContent())!);
      await expect(bar).toContainText(await totalOf(checkout.totals));
      const beforeCode = await totalOf(checkout.totals);
      await checkout.applyCode('SAVE5');
      await expect(bars).toContainText('Discount (SAVE5)');
      await expect(checkout.totals).toContainText('Discount (SAVE5)');
      const afterCode = await totalOf(checkout.totals);
      expect(afterCode).not.toBe(beforeCode);
      await expect(bar).toContainText(afterCode);
      expect(await axeViolations(page), 'summary bar expanded').toEqual([]);
      await expectNoSidewaysScroll(page, 'checkout with the summary expanded');

      // The total above "Place order" stays.
      const totalBox = (await checkout.totals.getByText('Total', { exact: true }).boundingBox())!;
      const buttonBox = (await checkout.details.getByRole('button', { name: 'Place order' }).boundingBox())!;
      expect(totalBox.y).toBeLessThan(buttonBox.y);
    });
  });
}

test('the checkout fits 360 and 390 px phones in every state: saved addresses listed, summary open, errors shown, a long product name', async ({ page, browser }) => {
  test.setTimeout(180_000); // a product made in the admin, an account with addresses, then two widths of checkout states
  const s = randomBytes(3).toString('hex');
  const title = `Long ${s} Extraordinarily Comprehensive Weatherproof Expedition-Grade Waxed-Canvas Rucksack Supercalifragilisticexpialidociousness`;
  const staff = await browser.newContext();
  try {
    const admin = await staff.newPage();
    await new AdminShell(admin).signIn(undefined, '/admin/products/new');
    const editor = new ProductEditor(admin);
    await editor.gotoNew();
    await editor.fillDetails({ title, status: 'Active — shown in the store' });
    await editor.setVariant('Default', { sku: `LONG-${s}`.toUpperCase(), price: '89.00', stock: '5' });
    await editor.create();
  } finally {
    await staff.close();
  }

  await new AccountPages(page).register(uniqueEmail('phone-fit'), 'fits-a-phone-please', 'Maximiliana Wolfeschlegelsteinhausenbergerdorff', { staySignedIn: true });
  const book = new AddressBook(page);
  await book.goto();
  await book.add({ name: 'Maximiliana Wolfeschlegelsteinhausenbergerdorff', line1: '1234 Extraordinarily-Long-Boulevard-Name-Without-Any-Spaces', city: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch', postalCode: 'LL61 5UJ', country: 'GB' });
  await book.add({ name: 'Addy Havana', line1: 'Calle 23 No. 101', city: 'Havana', postalCode: '10400', unlisted: { code: 'CU', name: 'Cuba' } });
  const checkout = await toCheckout(page, slugify(title), {}, 360);
  await expect(checkout.totals).toBeVisible();

  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: 800 });
    // The long name wraps wherever it is shown: search results, its page, the cart, and the home page's new
    // arrivals (while it is among the newest: other journeys add products meanwhile).
    for (const route of [`/search?q=${s}`, `/products/${slugify(title)}`, '/cart', '/']) {
      await page.goto(route);
      if (route !== '/') await expect(page.getByRole('main').getByText(title).first()).toBeVisible();
      await expectNoSidewaysScroll(page, `${route} at ${width} px`);
    }
    await page.goto('/checkout');
    await expect(checkout.details.getByRole('group', { name: 'Saved addresses' }).getByRole('radio')).toHaveCount(3);
    await expect(checkout.details.getByLabel('Street address', { exact: true })).toHaveValue('1234 Extraordinarily-Long-Boulevard-Name-Without-Any-Spaces');
    await expectNoSidewaysScroll(page, `saved addresses at ${width} px`);

    const bar = checkout.details.getByRole('button', { name: /order summary/ });
    await bar.click();
    await expect(bar).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('order-totals-bar')).toBeVisible();
    await expectNoSidewaysScroll(page, `summary expanded at ${width} px`);

    // A new address left empty, then "Place order": the error summary and the errors under the fields.
    await checkout.details.getByRole('radio', { name: 'A new address' }).check();
    await checkout.details.getByRole('button', { name: 'Place order' }).click();
    await expect(checkout.details.getByRole('alert')).toContainText('Please check the highlighted fields.');
    await expect(checkout.details.getByLabel('Street address', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectNoSidewaysScroll(page, `errors shown at ${width} px`);
    expect(await axeViolations(page), `errors shown, summary open, at ${width} px`).toEqual([]);
    if (width === 390) {
      await page.screenshot({ path: test.info().outputPath('checkout-390-errors.png'), fullPage: true });
    }
  }
});
