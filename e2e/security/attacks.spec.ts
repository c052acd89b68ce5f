import { expect, test } from '../support/test';
import { AccountPages, CartPage, cartLink, CheckoutPage, ConfirmationPage } from '../pages/shop-pages';
import { ProductPage } from '../pages/product-page';
import { findBuyableVariant, uniqueEmail } from '../support/commerce';
import { latestMail } from '../support/mailbox';

// Attacks through the storefront's inputs: stored and reflected XSS, SQL-ish input in search/sort/filter, CSRF
// from another origin, and price/quantity tampering through the JSON API. Every page load also runs under the CSP
// guard (support/test.ts): a payload that escaped HTML-escaping would show up as a blocked handler → a failure.

// Sets a flag if any of it ever runs; shows up as literal text when escaped properly.
const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>"'><svg onload=window.__xss=3>`;

async function expectInert(page: import('@playwright/test').Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
}

test('stored XSS: payloads in a customer name and an address are shown as text, never run', async ({ page }) => {
  const email = uniqueEmail('xss');
  const password = 'xss-password-123';
  const account = new AccountPages(page);
  await account.register(email, password, XSS.slice(0, 110));
  await account.signIn(email, password);
  await expectInert(page);

  await page.goto('/account/addresses');
  const form = page.getByRole('form', { name: 'Add an address' });
  await form.getByLabel('Full name').fill(XSS.slice(0, 100));
  await form.getByLabel('Street address').fill(XSS.slice(0, 100));
  await form.getByLabel('City').fill('Austin');
  await form.getByLabel('State', { exact: true }).selectOption('TX');
  await form.getByLabel('Postal code').fill('78701');
  await form.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByRole('list', { name: 'Saved addresses' })).toContainText('<img src=x onerror=');
  await expectInert(page);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Saved addresses' })).toContainText('<img src=x onerror=');
  await expectInert(page);
});

test('stored XSS: a payload as the shipping name of a guest order stays text on the confirmation, the lookup and in the email', async ({ page, request }) => {
  const variant = await findBuyableVariant(request, 5, 1);
  const email = uniqueEmail('xss-guest');
  await new ProductPage(page).buy(variant, 1);
  await expect(cartLink(page)).toHaveAccessibleName('Cart, 1 item');
  const cart = new CartPage(page);
  await cart.goto();
  await cart.checkout();
  const checkout = new CheckoutPage(page);
  await checkout.chooseDelivery({ country: 'US', region: 'TX' });
  await checkout.fillDetails({ email, name: XSS.slice(0, 100), line1: XSS.slice(0, 100), city: 'Austin', postalCode: '78701' });
  await checkout.placeOrder();
  await expectInert(page);
  const number = (await new ConfirmationPage(page).orderNumber.textContent())!;

  await page.goto('/orders/lookup');
  const lookup = page.getByRole('form', { name: 'Find your order' });
  await lookup.getByLabel('Order number').fill(number);
  await lookup.getByLabel('Email used for the order').fill(email);
  await lookup.getByRole('button', { name: 'Find order' }).click();
  await expect(page.getByText('<img src=x onerror=').first()).toBeVisible();
  await expectInert(page);

  // The email is plain text: the payload arrives as characters, not markup.
  const mail = await latestMail(email, /^Order confirmation /);
  expect(mail.text).toContain(number);
});

test('reflected XSS: a search term with markup is echoed as text', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent(XSS)}`);
  await expectInert(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Results for “<img src=x onerror=');
});

test('SQL-ish input in search, sort, filters and paging: never an error, never the whole table', async ({ page, request }) => {
  test.setTimeout(120_000);
  const total = ((await (await request.get('/api/store/v1/products?per_page=1')).json()) as { pagination: { total: number } }).pagination.total;
  const injections = [`' OR '1'='1`, `'; DROP TABLE products; --`, `%' OR 1=1 --`, `") OR ("a"="a`, `1 UNION SELECT email, password_hash FROM users --`, `\\'; SELECT pg_sleep(5); --`];
  for (const value of injections) {
    const q = encodeURIComponent(value);
    const search = await request.get(`/api/store/v1/products?q=${q}`);
    expect(search.status(), value).toBeLessThan(500);
    if (search.ok()) expect(((await search.json()) as { pagination: { total: number } }).pagination.total, value).toBeLessThan(total);
    for (const param of ['sort', 'category', 'min_price', 'max_price', 'page', 'per_page', 'in_stock']) {
      const response = await request.get(`/api/store/v1/products?${param}=${q}`);
      expect(response.status(), `${param}=${value}`).toBeLessThan(500);
      expect(await response.text()).not.toMatch(/password_hash|syntax error|postgres/i);
    }
    const pageResponse = await page.goto(`/search?q=${q}&sort=${q}`);
    expect(pageResponse?.status(), value).toBeLessThan(500);
    const categoryResponse = await page.goto(`/categories/${q}`);
    expect([404], value).toContain(categoryResponse?.status());
  }
  // The catalogue is still all there.
  expect(((await (await request.get('/api/store/v1/products?per_page=1')).json()) as { pagination: { total: number } }).pagination.total).toBe(total);
});

test('CSRF: a foreign origin cannot change a cart through the JSON API or a replayed server action', async ({ page, request }) => {
  // JSON API with the victim's cart cookie but a foreign Origin.
  const created = await request.post('/api/store/v1/carts');
  const { token } = (await created.json()) as { token: string };
  const variant = await findBuyableVariant(request, 6, 1);
  const product = (await (await request.get(`/api/store/v1/products/${variant.slug}`)).json()) as { data: { variants: { id: string; options: Record<string, string> }[] } };
  const variantId = product.data.variants.find((v) => JSON.stringify(v.options) === JSON.stringify(variant.options))!.id;
  const forged = await request.post('/api/store/v1/carts/current/lines', {
    headers: { origin: 'https://evil.example', 'x-cart-token': token },
    data: { variantId, quantity: 1 },
  });
  expect(forged.status()).toBe(403);
  const cart = (await (await request.get('/api/store/v1/carts/current', { headers: { 'x-cart-token': token } })).json()) as { cart: { itemCount: number } };
  expect(cart.cart.itemCount).toBe(0);

  // Server action: record a real add-to-cart post, then replay it with the same cookies from a foreign origin.
  const recorded = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await new ProductPage(page).buy(variant, 1);
  await expect(cartLink(page)).toHaveAccessibleName('Cart, 1 item');
  const action = await recorded;
  // Without the recorded Cookie header: the browser context's current cookies (now naming the cart) go along.
  const { cookie: _recordedCookie, ...headers } = await action.allHeaders();
  void _recordedCookie;
  const body = action.postDataBuffer() ?? undefined;
  // Next compares a server action's Origin with the host it was sent to and refuses a mismatch before the action runs.
  const forgedAction = await page.request.post(action.url(), { headers: { ...headers, origin: 'https://evil.example' }, data: body });
  expect(forgedAction.ok()).toBe(false);
  await page.reload();
  await expect(cartLink(page)).toHaveAccessibleName('Cart, 1 item');
});

test('tampering via the Store API: negative, fractional and huge quantities and a client price are refused or ignored', async ({ request }) => {
  const variant = await findBuyableVariant(request, 7, 1);
  const product = (await (await request.get(`/api/store/v1/products/${variant.slug}`)).json()) as { data: { variants: { id: string; options: Record<string, string>; priceCents: number }[] } };
  const target = product.data.variants.find((v) => JSON.stringify(v.options) === JSON.stringify(variant.options))!;
  for (const quantity of [-1, 0, 0.5, 1e9, 'NaN', null]) {
    const response = await request.post('/api/store/v1/carts/current/lines', { data: { variantId: target.id, quantity } });
    expect(response.status(), String(quantity)).toBe(422);
  }
  const added = await request.post('/api/store/v1/carts/current/lines', { data: { variantId: target.id, quantity: 1, priceCents: 1, totalCents: 1 } });
  expect(added.status()).toBe(201);
  const { cart } = (await added.json()) as { cart: { subtotalCents: number } };
  expect(cart.subtotalCents).toBe(target.priceCents);
});
