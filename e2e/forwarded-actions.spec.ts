import http from 'node:http';
import net from 'node:net';
import { request as playwrightRequest } from '@playwright/test';
import { expect, test, watchCsp } from './support/test';
import { CartPage } from './pages/shop-pages';
import { ProductPage } from './pages/product-page';
import { AS_A_PAGE, findBuyableVariant } from './support/commerce';
import { E2E_METRICS_TOKEN } from './support/environment';
import { type PrivateServer, startPrivateServer, waitFor } from './support/private-server';

// Server actions posted to a page that does not own them (SECURITY.md, finding 1). Next forwards such a POST to the
// owning page over HTTP, to this same server; that inner request used to queue at the front door behind the outer
// ones holding every slot, so 40 of them at once stalled the whole store for REQUEST_QUEUE_TIMEOUT_MS. Now the door
// recognises the process's own requests and runs them under their parent's slot, and copies the Set-Cookie the
// forwarded action sets onto the answer the client gets.
//
// A server of its own (default admission limits, written out), so the burst hits no other spec's shopper. Its port
// is a free one the OS hands out: the fixed neighbours of the shared server's port are taken by other specs.

const LIMITS = { MAX_REQUESTS_IN_FLIGHT: '32', MAX_REQUESTS_QUEUED: '512', REQUEST_QUEUE_TIMEOUT_MS: '8000', METRICS_TOKEN: E2E_METRICS_TOKEN };
const BURST = 40;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A POST on its own connection: `sent` settles once the whole request is on the wire, `answered` with its status. */
function postRaw(url: string, headers: Record<string, string>, body: string) {
  let markSent: () => void = () => {};
  const sent = new Promise<void>((resolve) => (markSent = resolve));
  const answered = new Promise<number>((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.on('finish', markSent);
    request.end(body);
  });
  return { sent, answered };
}

/** The id of the first server action in a page's HTML: React puts it in the form's hidden `$ACTION_…` field. */
function firstActionId(html: string): string {
  const id = /name="\$ACTION_\d+:0" value="\{&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html)?.[1];
  if (!id) throw new Error('no server action id in the page');
  return id;
}

test.describe('server actions posted to a page that does not own them', () => {
  test.describe.configure({ mode: 'default' });
  let server: PrivateServer | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startPrivateServer({ name: 'forwarded', port: await freePort(), env: LIMITS });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  /** Fires BURST copies of an action post at `/` and loads the shopper's page while they are under way. */
  async function burstWithShopper(body: string) {
    const { baseUrl } = server!;
    // Any public action id will do; the sign-in form hands one to everyone.
    const signIn = await fetch(`${baseUrl}/account/sign-in`, AS_A_PAGE);
    const actionId = firstActionId(await signIn.text());
    const headers = { 'next-action': actionId, accept: 'text/x-component', origin: baseUrl, 'content-type': 'text/plain;charset=UTF-8' };
    // The shopper's page, once before the burst: what is measured below is waiting, not a first render.
    expect((await fetch(`${baseUrl}/cart`, AS_A_PAGE)).status).toBe(200);

    const burst = Array.from({ length: BURST }, () => postRaw(`${baseUrl}/`, headers, body));
    await Promise.all(burst.map(({ sent }) => sent));
    const started = performance.now();
    const shopper = await fetch(`${baseUrl}/cart`, AS_A_PAGE);
    const page = await shopper.text();
    const shopperMs = Math.round(performance.now() - started);
    const statuses = await Promise.all(burst.map(({ answered }) => answered));
    const counts: Record<number, number> = {};
    for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
    console.log(`body ${JSON.stringify(body)}: bystander /cart ${shopper.status} in ${shopperMs} ms; burst answers by status ${JSON.stringify(counts)}`);
    return { shopper, page, shopperMs, counts };
  }

  async function forwardedUnderParentSlot(): Promise<number> {
    const exposition = await (await fetch(`${server!.baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } })).text();
    const line = exposition.split('\n').find((candidate) => candidate.startsWith('storefront_self_requests{') && candidate.includes('admission="parent_slot"'));
    return line === undefined ? NaN : Number(line.slice(line.lastIndexOf(' ') + 1));
  }

  test('the reported burst — 40 at once with a bogus body — leaves a shopper loading an uncached page meanwhile a 200 within a second', async () => {
    test.setTimeout(60_000);
    const { shopper, page, shopperMs, counts } = await burstWithShopper('not a server action body');
    expect(shopper.status).toBe(200);
    expect(page).toContain('Your cart');
    expect(shopperMs).toBeLessThan(1_000);
    // Every post is answered, as the client's mistake it is; none is told to come back later.
    expect(counts).toEqual({ 400: BURST });
  });

  test('40 well-formed ones at once are forwarded and run under their own slots: nothing queues behind itself', async () => {
    test.setTimeout(60_000);
    const before = await forwardedUnderParentSlot();
    // Decodes fine, so Next forwards each to the sign-in page, whose action refuses the missing form.
    const { shopper, page, counts } = await burstWithShopper('[]');
    expect(shopper.status).toBe(200);
    expect(page).toContain('Your cart');
    // Unlike bogus ones these cost real work (two passes through Next each), which the shopper shares the CPU with,
    // so how soon it is served depends on the machine (a second or two on a busy 2-core runner). What must not
    // happen is the stall: queued behind requests that wait for their own inner requests, the shopper and 8 of the
    // burst used to wait out REQUEST_QUEUE_TIMEOUT_MS and get 503.
    expect(counts).toEqual({ 200: BURST });
    expect((await forwardedUnderParentSlot()) - before).toBe(BURST);
  });

  test('an add-to-cart posted to the home page creates a cart whose cookie reaches the shopper', async ({ browser }) => {
    test.setTimeout(60_000);
    const { baseUrl } = server!;
    const api = await playwrightRequest.newContext({ baseURL: baseUrl });
    const variant = await findBuyableVariant(api, 0, 1);
    await api.dispose();

    // A real add-to-cart as the product page posts it, recorded.
    const violations: string[] = [];
    const recorder = await browser.newContext({ baseURL: baseUrl });
    await watchCsp(recorder, violations);
    const recorderPage = await recorder.newPage();
    const recorded = recorderPage.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
    await new ProductPage(recorderPage).buy(variant, 1);
    const action = await recorded;
    const { cookie: _cookie, ...headers } = await action.allHeaders();
    void _cookie;
    const body = action.postDataBuffer() ?? undefined;
    await recorder.close();

    // The same post, by a new shopper, to `/` (whose page does not own the action): Next forwards it.
    const shopper = await browser.newContext({ baseURL: baseUrl });
    await watchCsp(shopper, violations);
    const answer = await shopper.request.post('/', { headers, data: body });
    expect(answer.status()).toBe(200);
    expect((await shopper.cookies()).map((cookie) => cookie.name)).toContain('sf_cart');
    const page = await shopper.newPage();
    const cart = new CartPage(page);
    await cart.goto();
    await expect(cart.items).toHaveCount(1);
    await expect(cart.items.first()).toContainText(variant.title);
    await shopper.close();
    expect(violations).toEqual([]);
  });

  test("headers only the server's own requests carry gain a client nothing: a cached page stays cached", async () => {
    const { baseUrl } = server!;
    const list = (await (await fetch(`${baseUrl}/api/store/v1/products?per_page=1`)).json()) as { data: { slug: string }[] };
    const productPath = `${baseUrl}/products/${list.data[0]!.slug}`;
    await waitFor(async () => (await fetch(productPath, AS_A_PAGE)).headers.get('x-page-cache') === 'hit', 15_000, 'the product page to be cached');
    // A page cache render's header and the self-request tag, guessed: still the cached copy, not a render of its own.
    const forged = await fetch(productPath, {
      headers: { ...AS_A_PAGE.headers, 'x-page-cache-fill': 'guessed-secret AAAAAAAAAAAAAAAAAAAAAA==', 'x-storefront-self': 'guessed-secret 1', 'x-action-forwarded': '1' },
    });
    expect(forged.status).toBe(200);
    expect(forged.headers.get('x-page-cache')).toBe('hit');
  });
});
