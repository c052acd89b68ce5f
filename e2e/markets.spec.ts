import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { axeViolations } from './support/axe';
import { expectNoSidewaysScroll } from './support/layout';
import { AdminShell } from './pages/admin-shell';
import { AdminMarkets, MarketSelector, ProductMarketPricesPanel } from './pages/market-pages';
import { CatalogPage } from './pages/catalog-page';
import { ProductPage } from './pages/product-page';
import { CartPage, cartLink, CheckoutPage, ConfirmationPage } from './pages/shop-pages';
import { findBuyableVariant, uniqueEmail } from './support/commerce';

// Markets: the seed sells in the United States (USD, default), the United Kingdom (GBP) and the euro area (EUR).

const eur = (cents: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(cents / 100);

async function expectNoAxe(page: Page, what: string) {
  expect(await axeViolations(page), what).toEqual([]);
}

/** A variant's price in a market, as the Store API (same resolver as the pages) answers it. */
async function priceIn(request: APIRequestContext, slug: string, options: Record<string, string>, market: string) {
  const response = await request.get(`/api/store/v1/products/${slug}?market=${market}`);
  const product = ((await response.json()) as { data: { variants: { sku: string; options: Record<string, string>; priceCents: number; currency: string }[] } }).data;
  return product.variants.find((variant) => JSON.stringify(variant.options) === JSON.stringify(options))!;
}

/** A second browser for a shopper who chose the euro area, on its product page object. */
async function euroShopper(browser: Browser, baseURL: string) {
  const shopper = await browser.newContext({ baseURL });
  await shopper.addCookies([{ name: 'sf_market', value: 'eu', url: baseURL }]);
  const shopperPage = await shopper.newPage();
  return { shopper, shopperPage, product: new ProductPage(shopperPage) };
}

test.describe('a shopper in Germany', () => {
  test.use({ locale: 'de-DE', viewport: { width: 390, height: 844 } });

  test('is offered the euro area, sees euros from home to cart, checks out to Berlin, and the order is in EUR to the admin too', async ({ page, request, browser, baseURL }) => {
    test.slow(); // a whole purchase and the admin, on a 2-core machine
    const variant = await findBuyableVariant(request, 21, 2);
    const inEuros = await priceIn(request, variant.slug, variant.options, 'eu');
    expect(inEuros.currency).toBe('EUR');

    await page.goto('/');
    const markets = new MarketSelector(page);
    // Suggested from the browser's languages, never switched by itself: the prices are still dollars.
    await expect(markets.suggestion).toContainText('Shopping from Germany? See prices in EUR for Euro area.');
    await expect(page.getByRole('main')).toContainText('$');
    await expectNoAxe(page, 'home with the suggestion, 390 px');
    await expectNoSidewaysScroll(page, 'home with the suggestion');
    await markets.suggestion.getByRole('button', { name: 'Shop in EUR' }).click();
    await expect(markets.suggestion).toBeHidden();
    await expect(page.getByRole('main')).toContainText('€');
    await expect(page.getByRole('main')).not.toContainText('$');
    await expect(markets.form.getByLabel('Shipping to / currency')).toHaveValue('eu');
    await expectNoAxe(page, 'home in EUR, footer selector, 390 px');

    const product = new ProductPage(page);
    await product.goto(variant.slug);
    await product.choose(variant.options);
    await expect(page.getByRole('main')).toContainText(eur(inEuros.priceCents));
    await product.add(2);

    const cart = new CartPage(page);
    await cart.goto();
    await expect(cart.subtotal).toContainText(eur(inEuros.priceCents * 2));
    await cart.checkout();

    const checkout = new CheckoutPage(page);
    await checkout.chooseCountry('DE');
    await expect(checkout.totals).toContainText(eur(inEuros.priceCents * 2));
    await expect(checkout.totals).toContainText(/VAT|Tax/);
    await checkout.fillDetails({ email: uniqueEmail('berlin'), name: 'Erika Muster', line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117' });
    await checkout.placeOrder();
    const confirmation = new ConfirmationPage(page);
    const number = (await confirmation.orderNumber.textContent())!;
    await expect(page.getByRole('main')).toContainText('€');
    await expect(cartLink(page)).toHaveAccessibleName('Cart, 0 items');

    const adminContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
    const admin = await adminContext.newPage();
    await new AdminShell(admin).signIn(undefined, `/admin/orders/${number}`);
    await admin.goto(`/admin/orders/${number}`);
    await expect(admin.getByRole('main')).toContainText(eur(inEuros.priceCents * 2));
    await adminContext.close();
  });
});

for (const width of [390, 1280]) {
  test(`at ${width} px a euro shopper filters by price in euros: ranges, counts, a typed maximum and its chip`, async ({ browser, baseURL }) => {
    const { shopper, shopperPage: page } = await euroShopper(browser, baseURL!);
    await page.setViewportSize({ width, height: 844 });
    const catalog = new CatalogPage(page);
    await catalog.gotoCategory('sneakers');
    const total = await catalog.total();
    // On a phone the filters are in a drawer, which stays open as they apply; its button closes it.
    const openFilters = async () => {
      if (width === 390) await page.getByRole('button', { name: /^Filters/ }).click();
    };
    const closeFilters = async (shown: RegExp) => {
      if (width === 390) await page.getByRole('dialog', { name: 'Filters' }).getByRole('button', { name: shown }).click();
    };
    await openFilters();
    const ranges = catalog.filters.getByRole('group', { name: 'Price' }).getByRole('link');
    await expect(ranges.first()).toHaveAccessibleName(/^Under €25 ?, \d+ products?$/);
    await expect(catalog.filters.getByRole('group', { name: 'Price' })).not.toContainText('$');
    await expectNoAxe(page, `euro price filter at ${width} px`);
    await expectNoSidewaysScroll(page, `euro price filter at ${width} px`);

    // A range with some of the sneakers but not all: choosing it lists exactly as many as it said.
    const counts = (await ranges.allTextContents()).map((text) => Number(text.match(/, ([\d,]+) products?$/)?.[1]?.replace(/,/g, '') ?? NaN));
    const pick = counts.findIndex((n) => n > 0 && n < total);
    expect(pick, `a range narrower than the ${total} sneakers among ${counts.join(', ')}`).toBeGreaterThanOrEqual(0);
    await ranges.nth(pick).click();
    await expect(page).toHaveURL(/price_min=\d+/);
    await closeFilters(new RegExp(`^Show ${counts[pick]} products?$`));
    await expect.poll(() => catalog.total()).toBe(counts[pick]);
    await expect(page.getByRole('navigation', { name: 'Active filters' }).getByRole('link', { name: /^Price: €[\d,]+\.00 – €[\d,]+\.99/ })).toBeVisible();

    // A maximum typed in euros is read as euros.
    await page.goto('/categories/sneakers');
    await openFilters();
    await catalog.filters.getByLabel('Max').fill('60');
    await catalog.filters.getByLabel('Max').press('Tab');
    await expect(page).toHaveURL(/price_max=60/);
    await closeFilters(/^Show \d+ products?$/);
    await expect(page.getByRole('navigation', { name: 'Active filters' }).getByRole('link', { name: /^Price: up to €60\.00/ })).toBeVisible();
    await shopper.close();
  });
}

test('a UK shopper picks the United Kingdom in the footer and sees pounds; the cart moves with them', async ({ page, request }) => {
  const variant = await findBuyableVariant(request, 22, 1);
  const inPounds = await priceIn(request, variant.slug, variant.options, 'gb');
  expect(inPounds.currency).toBe('GBP');
  const product = new ProductPage(page);
  await product.buy(variant, 1);
  await expect(page.getByRole('main')).toContainText('$');

  const markets = new MarketSelector(page);
  await markets.choose(/United Kingdom/);
  await expect(markets.form.getByRole('status')).toContainText('your cart was re-priced');
  const pounds = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'GBP' }).format(inPounds.priceCents / 100);
  await expect(page.getByRole('main')).toContainText(pounds);
  await expectNoAxe(page, 'product page in GBP, 1280 px');

  const cart = new CartPage(page);
  await cart.goto();
  await expect(cart.subtotal).toContainText(pounds);
});

test('an explicit euro price set by staff replaces the converted one on the next page view', async ({ page, request, browser, baseURL }) => {
  test.slow(); // the admin and two axe audits at two widths, on a 2-core machine
  const variant = await findBuyableVariant(request, 23, 1);
  const before = await priceIn(request, variant.slug, variant.options, 'eu');

  const { shopper, shopperPage, product } = await euroShopper(browser, baseURL!);
  await product.goto(variant.slug);
  await product.choose(variant.options);
  await expect(shopperPage.getByRole('main')).toContainText(eur(before.priceCents));

  const explicitCents = before.priceCents + 123;
  await new AdminShell(page).signIn(undefined, '/admin/markets');
  const admin = new AdminMarkets(page);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await admin.goto();
    await expectNoAxe(page, `admin markets at ${width}`);
    await expectNoSidewaysScroll(page, `admin markets at ${width}`);
  }
  await admin.open('Euro area');
  await admin.setPrice(before.sku, (explicitCents / 100).toFixed(2));
  await expect(page.getByRole('table', { name: /Prices in Euro area/ }).or(page.getByRole('region', { name: /Prices in Euro area/ }))).toContainText(before.sku);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxe(page, `a market's page at ${width}`);
  }

  await product.goto(variant.slug);
  await product.choose(variant.options);
  await expect(shopperPage.getByRole('main')).toContainText(eur(explicitCents));
  await shopper.close();
});

test.describe('a shopper who types their details first and then ships abroad', () => {
  for (const width of [390, 1280]) {
    test(`keeps what they typed while the cart moves to the euro area, is told, and pays in EUR (${width} px)`, async ({ page, request }) => {
      test.slow(); // a whole purchase on a 2-core machine
      const variant = await findBuyableVariant(request, width === 390 ? 24 : 25, 1);
      const inEuros = await priceIn(request, variant.slug, variant.options, 'eu');
      await page.setViewportSize({ width, height: 900 });
      await new ProductPage(page).buy(variant, 1);
      const cart = new CartPage(page);
      await cart.goto();
      await expect(cart.subtotal).toContainText('$');
      await cart.checkout();

      const checkout = new CheckoutPage(page);
      const email = uniqueEmail(`abroad-${width}`);
      await checkout.fillDetails({ email, name: 'Jeanne Martin', line1: '12 rue de la Paix', city: 'Paris', postalCode: '75002' });
      await checkout.chooseCountry('FR');
      await expect(checkout.details.getByRole('status').filter({ hasText: 'Prices are now in EUR' })).toBeVisible();
      // Nothing typed was lost, and the summary's line and totals are in euros.
      await expect(checkout.details.getByLabel('Email', { exact: true })).toHaveValue(email);
      await expect(checkout.details.getByLabel('Full name')).toHaveValue('Jeanne Martin');
      await expect(checkout.details.getByLabel('Street address')).toHaveValue('12 rue de la Paix');
      await expect(checkout.details.getByLabel('City')).toHaveValue('Paris');
      await expect(checkout.details.getByLabel('Postal code')).toHaveValue('75002');
      await expect(checkout.totals).toContainText(eur(inEuros.priceCents));
      await expect(checkout.totals).not.toContainText('$');
      await expectNoAxe(page, `checkout after the move, ${width} px`);
      await expectNoSidewaysScroll(page, `checkout after the move, ${width} px`);
      await checkout.placeOrder();
      const confirmation = new ConfirmationPage(page);
      await expect(confirmation.orderNumber).toBeVisible();
      await expect(page.getByRole('main')).toContainText(eur(inEuros.priceCents));

      // The catalogue now shows euros too: the market was remembered.
      await new ProductPage(page).goto(variant.slug);
      await expect(page.getByRole('main')).toContainText('€');
      await expect(new MarketSelector(page).form.getByLabel('Shipping to / currency')).toHaveValue('eu');
    });
  }
});

test('staff set a euro price for one variant in the product editor; the euro shop shows it; "Use converted" brings the converted price back', async ({ page, request, browser, baseURL }) => {
  test.slow(); // the admin, a shopper and two audits, on a 2-core machine
  const variant = await findBuyableVariant(request, 26, 1);
  const before = await priceIn(request, variant.slug, variant.options, 'eu');
  const productId = ((await (await request.get(`/api/store/v1/products/${variant.slug}`)).json()) as { data: { id: string } }).data.id;

  await new AdminShell(page).signIn(undefined, `/admin/products/${productId}`);
  await page.goto(`/admin/products/${productId}`);
  const prices = new ProductMarketPricesPanel(page);
  const row = prices.row('Euro area', before.sku);
  await expect(row).toContainText(eur(before.priceCents));
  await expect(row).toContainText('Converted');

  const explicitCents = before.priceCents + 250;
  await prices.setPrice('Euro area', before.sku, (explicitCents / 100).toFixed(2));
  await expect(row).toContainText('Set for this market');
  await expect(row).toContainText(eur(explicitCents));
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxe(page, `product editor with market prices at ${width}`);
  }

  const { shopper, shopperPage, product } = await euroShopper(browser, baseURL!);
  await product.goto(variant.slug);
  await product.choose(variant.options);
  await expect(shopperPage.getByRole('main')).toContainText(eur(explicitCents));

  // The outcome is the row itself: its price is the converted one again (the button goes with the explicit price).
  await row.getByRole('button', { name: 'Use converted' }).click();
  await expect(row).not.toContainText('Set for this market');
  await expect(row).toContainText('Converted');
  await expect(row).toContainText(eur(before.priceCents));
  await product.goto(variant.slug);
  await product.choose(variant.options);
  await expect(shopperPage.getByRole('main')).toContainText(eur(before.priceCents));
  await expect(shopperPage.getByRole('main')).not.toContainText(eur(explicitCents));
  await shopper.close();
});
