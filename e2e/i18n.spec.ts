import { expect, test } from './support/test';
import { axeViolations } from './support/axe';
import { expectNoSidewaysScroll } from './support/layout';
import { AS_A_PAGE, findBuyableVariant, uniqueEmail } from './support/commerce';
import { alternates, GermanProductPage, LanguageLinks } from './pages/i18n-pages';
import { latestMail } from './support/mailbox';

// The storefront in German and French: /de/... and /fr/... are the same pages in another language (English, the
// default, has no prefix). The seeded catalogue has no German product texts, so products show their English ones.

/** A price as a German page writes it ("12,34 $"): Intl for de-DE. */
const german = (cents: number, currency = 'USD') => new Intl.NumberFormat('de-DE', { style: 'currency', currency }).format(cents / 100);

for (const viewport of [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
]) {
  test.describe(`a German shopper (${viewport.name}, ${viewport.width} px)`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('reads the store in German from home to checkout, switches to French and keeps the cart', async ({ page, request }) => {
      test.slow(); // a cart and a checkout, on a 2-core machine
      const variant = await findBuyableVariant(request, viewport.width === 390 ? 31 : 32, 2);
      const english = (await (await request.get(`/api/store/v1/products/${variant.slug}`)).json()) as { data: { title: string } };

      await page.goto('/de');
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await expect(page.getByRole('banner').getByRole('link', { name: 'Warenkorb' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Nach Kategorie einkaufen' })).toBeVisible();
      expect(await alternates(page)).toEqual({ canonical: '/de', languages: { en: '/', de: '/de', fr: '/fr', 'x-default': '/' } });
      const languages = new LanguageLinks(page, 'Sprache');
      await expect(languages.link('Deutsch')).toHaveAttribute('aria-current', 'true');
      await expect(languages.link('Français')).toHaveAttribute('href', '/fr');
      await expectNoSidewaysScroll(page, 'German home');

      // The product has no German text: its English title and description stand in; the page around it is German.
      const product = new GermanProductPage(page);
      await product.goto(variant.slug);
      await expect(product.title).toHaveText(english.data.title);
      await product.choose(variant.options);
      await expect(page.getByRole('main')).toContainText(german(variant.priceCents));
      await expect(product.purchase.getByText(/Auf Lager|Nur noch \d+ verfügbar\./)).toBeVisible();
      expect(await alternates(page)).toEqual({
        canonical: `/de/products/${variant.slug}`,
        languages: { en: `/products/${variant.slug}`, de: `/de/products/${variant.slug}`, fr: `/fr/products/${variant.slug}`, 'x-default': `/products/${variant.slug}` },
      });
      expect(await axeViolations(page), 'German product page').toEqual([]);
      await expectNoSidewaysScroll(page, 'German product page');

      await product.add(2);
      await expect(product.drawer.getByTestId('cart-subtotal')).toContainText('Zwischensumme (2 Artikel):');
      await expect(product.drawer.getByTestId('cart-subtotal')).toContainText(german(variant.priceCents * 2));
      await product.drawer.getByRole('link', { name: 'Warenkorb ansehen' }).click();
      await expect(page).toHaveURL(/\/de\/cart$/);
      await expect(page.getByRole('heading', { name: 'Ihr Warenkorb', level: 1 })).toBeVisible();
      await expect(page.getByRole('list', { name: 'Artikel im Warenkorb' }).getByRole('listitem')).toHaveCount(1);

      await page.getByRole('link', { name: 'Zur Kasse' }).click();
      await expect(page).toHaveURL(/\/de\/checkout$/);
      const checkout = page.getByRole('form', { name: 'Kasse' });
      await expect(page.getByRole('heading', { name: 'Kasse', level: 1 })).toBeVisible();
      await expect(checkout.getByLabel('E-Mail')).toBeVisible();
      await expect(checkout.getByRole('group', { name: 'Lieferadresse' }).getByLabel('Postleitzahl')).toBeVisible();
      await expect(checkout.getByLabel('Land')).toBeVisible();
      await expect(checkout.getByRole('button', { name: 'Zahlungspflichtig bestellen' })).toBeVisible();
      await expect(page.getByText('Zwischensumme').first()).toBeAttached();
      await expectNoSidewaysScroll(page, 'German checkout');

      // Another language, from the keyboard: the same page in French, the cart still there.
      await languages.switchTo('Français', '/fr');
      await expect(page).toHaveURL(/\/fr\/checkout$/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await expect(page.getByRole('heading', { name: 'Commande', level: 1 })).toBeVisible();
      await expect(page.getByRole('form', { name: 'Commande' }).getByRole('button', { name: 'Passer la commande' })).toBeVisible();
      await page.goto('/fr/cart');
      await expect(page.getByRole('heading', { name: 'Votre panier', level: 1 })).toBeVisible();
      await expect(page.getByRole('list', { name: 'Articles du panier' }).getByRole('listitem')).toHaveCount(1);

      // And back to English: the English addresses are as they were.
      await new LanguageLinks(page, 'Langue').switchTo('English', '');
      await expect(page).toHaveURL(/\/cart$/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { name: 'Your cart', level: 1 })).toBeVisible();
      await expect(page.getByRole('list', { name: 'Cart items' }).getByRole('listitem')).toHaveCount(1);
    });
  });
}

for (const viewport of [
  { name: 'phone', width: 390, height: 844, index: 34 },
  { name: 'desktop', width: 1280, height: 800, index: 35 },
]) {
  test(`a German shopper places an order in German (${viewport.name}, ${viewport.width} px): the forms post from /de pages`, async ({ page, request }) => {
    test.slow(); // a cart and an order on a 2-core machine
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const variant = await findBuyableVariant(request, viewport.index, 1);
    const email = uniqueEmail('german');

    // Add to cart is a server action posted to /de/products/...: the cart it makes reaches this shopper.
    const product = new GermanProductPage(page);
    await product.goto(variant.slug);
    await product.choose(variant.options);
    await product.add(1);
    await product.drawer.getByRole('link', { name: 'Zur Kasse' }).click();
    await expect(page).toHaveURL(/\/de\/checkout$/);

    const checkout = page.getByRole('form', { name: 'Kasse' });
    const totals = page.getByTestId('order-totals');
    const settled = () => expect(totals).not.toHaveAttribute('aria-busy', 'true', { timeout: 15_000 });
    await checkout.getByLabel('Land').selectOption('US');
    await settled();
    await checkout.getByLabel(/^Bundesstaat/).selectOption('TX');
    await settled();
    await checkout.getByLabel('E-Mail', { exact: true }).fill(email);
    await checkout.getByLabel('Vollständiger Name').fill('Greta Käufer');
    await checkout.getByLabel('Straße und Hausnummer').fill('1 Congress Ave');
    await checkout.getByLabel('Ort').fill('Austin');
    await checkout.getByLabel('Postleitzahl').fill('78701');
    await expect(totals).toContainText('MwSt.');
    await expectNoSidewaysScroll(page, 'German checkout, filled in');
    await settled();
    await checkout.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();

    // The order action redirects to the confirmation in the shopper's language.
    await expect(page.getByRole('heading', { name: 'Vielen Dank für Ihre Bestellung!' })).toBeVisible();
    await expect(page).toHaveURL(/\/de\/checkout\/confirmation/);
    await expect(page.getByTestId('order-number')).toHaveText(/^SF-[0-9A-Z]{8}$/);
    await expect(page.getByRole('banner').getByRole('link', { name: /Warenkorb/ })).toBeVisible();
    await expectNoSidewaysScroll(page, 'German confirmation');

    // The confirmation email is written in the language the order was placed in.
    const number = (await page.getByTestId('order-number').textContent())!;
    const mail = await latestMail(email, /^Bestellbestätigung /);
    expect(mail.subject).toBe(`Bestellbestätigung ${number}`);
    expect(mail.text).toContain('Vielen Dank für Ihre Bestellung');
    // (No-break spaces may come out as spaces in the plain-text part.)
    expect(mail.text.replace(/\s/g, ' ')).toContain(german(variant.priceCents).replace(/\s/g, ' '));
  });
}

test("a client's own language header never chooses the language: the address does", async ({ request }) => {
  const variant = await findBuyableVariant(request, 33, 1);
  const forged = { 'x-locale': 'de', 'x-locale-rewrite': 'guessed-token de bm9uY2U=' };
  const english = await request.get(`/products/${variant.slug}`, { ...AS_A_PAGE, headers: { ...AS_A_PAGE.headers, ...forged } });
  expect(await english.text()).toContain('<html lang="en"');
  const french = await request.get(`/fr/products/${variant.slug}`, { ...AS_A_PAGE, headers: { ...AS_A_PAGE.headers, ...forged } });
  const body = await french.text();
  expect(body).toContain('<html lang="fr"');
  // Nor the nonce: the page's scripts carry the one in the answer's CSP, not the client's.
  expect(body).not.toContain('bm9uY2U=');
  // The cart is personal: never cached, rendered for the request, still by its address.
  const cart = await request.get('/cart', { headers: forged });
  expect(await cart.text()).toContain('<html lang="en"');
});

test('each language is its own page-cache copy, and /en has one address without the prefix', async ({ request }) => {
  const variant = await findBuyableVariant(request, 33, 1);
  const path = `/products/${variant.slug}`;
  // Twice each, so the second answer can come from the cache: the German copy is never served for English, nor back.
  for (let round = 0; round < 2; round++) {
    const [de, en] = await Promise.all([request.get(`/de${path}`, AS_A_PAGE), request.get(path, AS_A_PAGE)]);
    expect(de.status()).toBe(200);
    expect(await de.text()).toContain('<html lang="de"');
    expect(await en.text()).toContain('<html lang="en"');
    // The cached copy keeps the strict CSP: a fresh nonce on every answer.
    expect(de.headers()['content-security-policy']).toMatch(/'nonce-[^']+'/);
  }
  const redirected = await request.get(`/en${path}`, { ...AS_A_PAGE, maxRedirects: 0 });
  expect(redirected.status()).toBe(308);
  expect(new URL(redirected.headers().location!, 'http://x').pathname).toBe(path);
});

test('the sitemap lists every page in each language, with its other languages as alternates', async ({ request }) => {
  const index = await (await request.get('/sitemap.xml')).text();
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  expect(files).toEqual(expect.arrayContaining(['/sitemaps/products-0.xml', '/sitemaps/de-products-0.xml', '/sitemaps/fr-categories.xml', '/sitemaps/de-pages.xml']));
  const locs = async (file: string) => [...(await (await request.get(file)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  const [english, german] = await Promise.all([locs('/sitemaps/products-0.xml'), locs('/sitemaps/de-products-0.xml')]);
  expect(german).toEqual(english.map((path) => `/de${path}`));
  const xml = await (await request.get('/sitemaps/fr-categories.xml')).text();
  expect(xml).toContain('<loc>http://127.0.0.1:');
  expect(xml).toMatch(/<loc>[^<]+\/fr<\/loc>.*hreflang="de" href="[^"]+\/de"/);
  expect([404, 422]).toContain((await request.get('/sitemaps/es-products-0.xml')).status());
});
