import { createServer, type Server } from 'node:http';
import { expect, test } from './support/test';
import { headlessOrigins } from './support/environment';

// A separate storefront on another origin, in a real browser: its page calls the Store API with fetch, and Chromium
// enforces CORS itself — the preflights answered in front of the handlers (proxy.ts), the grants on every answer
// (route(), and the front door for catalogue reads served from the page cache). The allow-listed origin checks out as
// a guest and as a customer; the other origin gets nothing its script can read, and its writes do not happen.

const PAGE = '<!doctype html><html lang="en"><head><title>Headless storefront</title></head><body><h1>Headless storefront</h1></body></html>';

function serve(origin: string): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(PAGE);
  });
  const url = new URL(origin);
  return new Promise((resolve) => server.listen(Number(url.port), url.hostname, () => resolve(server)));
}

// Both tests use the two storefront servers on fixed ports: they run in one worker, in order (the suite is otherwise
// fully parallel, and a second worker's servers could not listen on the same ports).
test.describe.configure({ mode: 'default' });

let servers: Server[] = [];
let origins: { listed: string; unlisted: string };

test.beforeAll(async ({ baseURL }) => {
  origins = headlessOrigins(Number(new URL(baseURL!).port));
  servers = await Promise.all([serve(origins.listed), serve(origins.unlisted)]);
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

test('an allow-listed storefront checks out through the Store API, as a guest and as a customer', async ({ page, baseURL }) => {
  test.slow();
  await page.goto(`${origins.listed}/`);
  await expect(page.getByRole('heading', { name: 'Headless storefront' })).toBeVisible();
  const outcome = await page.evaluate(async (api) => {
    const json = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${api}${path}`, init);
      return { status: response.status, body: response.status === 204 ? null : await response.json(), headers: response.headers };
    };
    const send = (method: string, body: unknown, headers: Record<string, string> = {}) => ({ method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

    // The catalogue, then a buyable variant. The list is read twice: the second answer comes from the front door's
    // page cache, and the browser shares it with this page only if the door added the grant.
    await json('/products?in_stock=true&per_page=48');
    const list = await json('/products?in_stock=true&per_page=48');
    let variantId = '';
    for (const item of list.body.data as { slug: string }[]) {
      const detail = await json(`/products/${item.slug}`);
      const variant = (detail.body.data.variants as { id: string; inStock: boolean; maxQuantity: number }[]).find((v) => v.inStock && v.maxQuantity >= 2);
      if (variant) {
        variantId = variant.id;
        break;
      }
    }
    const address = { name: 'Hedy Headless', line1: '1 Decoupled Way', city: 'Austin', region: 'TX', postalCode: '73301', countryCode: 'US' };

    // As a guest.
    const added = await json('/carts/current/lines', send('POST', { variantId, quantity: 1 }));
    const cart = { 'x-cart-token': added.body.token as string };
    const options = await json('/carts/current/shipping-options?countryCode=US&region=TX&postalCode=73301', { headers: cart });
    const rateId = options.body.shippingOptions[0].id as string;
    const preview = await json('/checkout/preview', send('POST', { countryCode: 'US', region: 'TX', postalCode: '73301', shippingRateId: rateId }, cart));
    const guestEmail = `headless-guest-${Date.now().toString(36)}@e2e.test`;
    const placed = await json('/checkout', send('POST', { email: guestEmail, shippingAddress: address, shippingRateId: rateId }, { ...cart, 'idempotency-key': crypto.randomUUID() }));

    // As a customer.
    const email = `headless-${Date.now().toString(36)}@e2e.test`;
    const password = `Headless browser ${crypto.randomUUID().slice(0, 8)} checkout`;
    const registered = await json('/auth/register', send('POST', { name: 'Hedy Headless', email, password }));
    const signedIn = await json('/auth/token', send('POST', { email, password }));
    let bearer = { authorization: `Bearer ${signedIn.body.accessToken}` };
    const saved = await json('/customers/me/addresses', send('POST', address, bearer));
    await json('/carts/current/lines', send('POST', { variantId, quantity: 1 }, bearer));
    const customerOptions = await json('/carts/current/shipping-options?countryCode=US&region=TX&postalCode=73301', { headers: bearer });
    const customerRate = customerOptions.body.shippingOptions[0].id as string;
    const customerPreview = await json('/checkout/preview', send('POST', { countryCode: 'US', region: 'TX', postalCode: '73301', shippingRateId: customerRate }, bearer));
    const customerOrder = await json('/checkout', send('POST', { email, shippingAddress: address, shippingRateId: customerRate }, { ...bearer, 'idempotency-key': crypto.randomUUID() }));
    const history = await json('/customers/me/orders', { headers: bearer });
    const refreshed = await json('/auth/refresh', send('POST', { refreshToken: signedIn.body.refreshToken }));
    bearer = { authorization: `Bearer ${refreshed.body.accessToken}` };
    const signedOut = await json('/auth/sign-out', { method: 'POST', headers: bearer });
    const afterSignOut = await json('/customers/me', { headers: bearer });
    return {
      guest: { added: added.status, options: options.status, preview: preview.body.preview.totals.totalCents, placed: placed.status, total: placed.body.order.totalCents },
      customer: {
        registered: registered.status,
        signedIn: signedIn.status,
        saved: saved.status,
        preview: customerPreview.body.preview.totals.totalCents,
        placed: customerOrder.status,
        total: customerOrder.body.order.totalCents,
        listed: (history.body.data as { number: string }[]).map((order) => order.number).includes(customerOrder.body.order.number),
        refreshed: refreshed.status,
        signedOut: signedOut.status,
        afterSignOut: afterSignOut.status,
        replayRequestId: Boolean(afterSignOut.headers.get('x-request-id')),
      },
    };
  }, `${baseURL}/api/store/v1`);

  expect(outcome.guest).toMatchObject({ added: 201, options: 200, placed: 201 });
  expect(outcome.guest.total).toBe(outcome.guest.preview);
  expect(outcome.customer).toMatchObject({ registered: 202, signedIn: 200, saved: 201, placed: 201, listed: true, refreshed: 200, signedOut: 204, afterSignOut: 401, replayRequestId: true });
  expect(outcome.customer.total).toBe(outcome.customer.preview);
});

test('a storefront not on the list can read nothing and change nothing', async ({ page, baseURL, request }) => {
  await page.goto(`${origins.unlisted}/`);
  await expect(page.getByRole('heading', { name: 'Headless storefront' })).toBeVisible();
  const api = `${baseURL}/api/store/v1`;
  const outcome = await page.evaluate(async (base) => {
    const attempt = async (path: string, init: RequestInit = {}) => {
      try {
        const response = await fetch(`${base}${path}`, init);
        return `read ${response.status}`;
      } catch {
        return 'blocked';
      }
    };
    return {
      catalogue: await attempt('/categories'),
      cart: await attempt('/carts', { method: 'POST' }),
      jsonWrite: await attempt('/auth/register', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x@e2e.test', password: 'not sent anyway 123' }) }),
    };
  }, api);
  expect(outcome).toEqual({ catalogue: 'blocked', cart: 'blocked', jsonWrite: 'blocked' });

  // Outside a browser: the simple POST the browser did send (no preflight needed) was refused before it ran.
  const refused = await request.post(`${api}/carts`, { headers: { origin: origins.unlisted } });
  expect(refused.status()).toBe(403);
  expect(refused.headers()['access-control-allow-origin']).toBeUndefined();
  // A preflight for a method the API does not allow, from the listed origin, is refused too.
  const preflight = await request.fetch(`${api}/carts`, { method: 'OPTIONS', headers: { origin: origins.listed, 'access-control-request-method': 'PROPFIND' } });
  expect(preflight.status()).toBe(403);
  expect(preflight.headers()['access-control-allow-origin']).toBeUndefined();
});
