import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { emailMessages, products, users, variants, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { addCartLine } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { adminApiDocument } from '@/lib/api/admin-openapi';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/service';
import type { ApiScope } from '@/lib/api-keys/scopes';
import type { AuditActor } from '@/lib/audit/service';
import { env } from '@/lib/env';
import { processOutbox } from '@/lib/outbox/worker';
import { deliverDueWebhooks } from '@/lib/webhooks/delivery';
import { createWebhookEndpoint } from '@/lib/webhooks/service';
import { webhookEventTypes } from '@/lib/webhooks/events';
import { adminApiClient, loadAdminRoutes, TEST_SITE } from './test-client';

// The Admin API as an integrator meets it: a client generated from the published OpenAPI document by an independent
// generator (openapi-typescript + openapi-fetch), talking to the real route handlers with an API key, and a webhook
// receiver that checks every signature by hand (HMAC-SHA256, no webhook library). The generated types are committed
// (lib/api/generated/admin-api.d.ts) so the typecheck holds this file to them; the first test fails when the
// document and the committed types drift (UPDATE_API_TYPES=1 rewrites them).

const SITE = TEST_SITE;
const typesFile = path.join(process.cwd(), 'lib', 'api', 'generated', 'admin-api.d.ts');

let routes: Awaited<ReturnType<typeof loadAdminRoutes>>;

function clientFor(secret: string) {
  return adminApiClient(routes, secret);
}

type Received = { id: string; timestamp: string; signatureValid: boolean; body: { type: string; api_version: string; data: Record<string, unknown> } };

/** A webhook receiver on loopback that verifies each signature itself (Standard Webhooks: v1,base64(HMAC(id.ts.body))). */
function startReceiver(getSecret: () => string) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      const id = String(request.headers['webhook-id']);
      const timestamp = String(request.headers['webhook-timestamp']);
      const key = Buffer.from(getSecret().replace(/^whsec_/, ''), 'base64');
      const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${raw}`).digest();
      const signatureValid = String(request.headers['webhook-signature'])
        .split(' ')
        .some((part) => {
          const [version, signature] = part.split(',');
          const given = Buffer.from(signature ?? '', 'base64');
          return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
        });
      received.push({ id, timestamp, signatureValid, body: JSON.parse(raw) as Received['body'] });
      response.writeHead(204).end();
    });
  });
  return { server, received };
}

/** What the background jobs do every few seconds, until nothing is due (earlier test files leave events behind). */
async function deliverEverything() {
  for (;;) {
    const run = await processOutbox({ limit: 500 });
    if (run.delivered + run.retrying + run.failed === 0) break;
  }
  for (;;) {
    const run = await deliverDueWebhooks({ limit: 500 });
    if (run.succeeded + run.retry + run.failed === 0) break;
  }
}

let actor: AuditActor;
let receiver: ReturnType<typeof startReceiver>;
let endpointSecret = '';
const allowPrivateBefore = env.WEBHOOK_ALLOW_PRIVATE_URLS;

async function keyWith(scopes: ApiScope[]) {
  return createApiKey(actor, { name: `test ${randomBytes(3).toString('hex')}`, scopes, expiresInDays: null });
}

beforeAll(async () => {
  routes = await loadAdminRoutes();
  const [admin] = await db
    .insert(users)
    .values({ email: `api-admin-${randomBytes(4).toString('hex')}@example.com`, name: 'API Admin', role: 'admin' })
    .returning({ id: users.id, email: users.email });
  actor = { user: admin!, requestId: 'test-admin-api', ip: '127.0.0.1' };
  receiver = startReceiver(() => endpointSecret);
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  env.WEBHOOK_ALLOW_PRIVATE_URLS = allowPrivateBefore;
  await new Promise((resolve) => receiver.server.close(resolve));
  await closeConnection();
});

describe('Admin API through a generated client', () => {
  it('the committed client types are what openapi-typescript generates from the published document', async () => {
    // defaultNonNullable off: a request field with a default may be left out (the generator would otherwise require it).
    const generated = astToString(await openapiTS(adminApiDocument(SITE) as unknown as OpenAPI3, { defaultNonNullable: false }));
    const header = '// Generated by openapi-typescript from /api/admin/v1/openapi.json (app/api/admin/v1/admin-api.integration.test.ts). Do not edit.\n';
    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(typesFile, header + generated);
    expect(readFileSync(typesFile, 'utf8')).toBe(header + generated);
  });

  it('creates a product, adjusts its stock and fulfils an order of it; the webhook receiver sees each event once, signed', async () => {
    env.WEBHOOK_ALLOW_PRIVATE_URLS = true;
    const { port } = receiver.server.address() as AddressInfo;
    const endpoint = await createWebhookEndpoint(actor, { url: `http://127.0.0.1:${port}/hooks`, description: 'test receiver', eventTypes: [...webhookEventTypes] });
    endpointSecret = endpoint.secret;
    const { secret } = await keyWith(['products:write', 'inventory:write', 'orders:write']);
    const api = clientFor(secret);
    const suffix = randomBytes(3).toString('hex').toUpperCase();

    const created = await api.POST('/products', {
      body: {
        title: `API lamp ${suffix}`,
        status: 'active',
        featured: false,
        options: [],
        variants: [{ values: [], sku: `API-LAMP-${suffix}`, price: '49.00', stock: 0, active: true }],
      },
    });
    expect(created.response.status, JSON.stringify(created.error)).toBe(201);
    const product = created.data!.data;
    const variantId = product.variants[0]!.id;
    expect(product.variants[0]!.priceCents).toBe(4900);

    const adjusted = await api.POST('/inventory/{variantId}/adjustments', {
      params: { path: { variantId }, header: { 'Idempotency-Key': `stock-${suffix}` } },
      body: { delta: 6, reason: 'received', note: 'first delivery' },
    });
    expect(adjusted.response.status, JSON.stringify(adjusted.error)).toBe(201);
    expect(adjusted.data!.data.stockOnHand).toBe(6);

    // A shopper buys two (the Store side), and the key's client takes it from there.
    const { newToken } = await addCartLine({}, { variantId, quantity: 2 });
    const rate = (await listShippingOptions('US', 'USD'))[0]!;
    const email = `api-buyer-${suffix.toLowerCase()}@example.com`;
    await placeOrder(
      { token: newToken },
      placeOrderSchema.parse({ email, shippingAddress: { name: 'Ada', line1: '1 Loop', city: 'Portland', region: 'OR', postalCode: '97201', countryCode: 'US' }, shippingRateId: rate.id }),
    );
    await deliverEverything();

    const listed = await api.GET('/orders', { params: { query: { email, limit: 10 } } });
    expect(listed.data!.data).toHaveLength(1);
    const number = listed.data!.data[0]!.number;
    expect((await api.POST('/orders/{number}/mark-paid', { params: { path: { number } } })).response.status).toBe(200);
    await deliverEverything();
    const shipped = await api.POST('/orders/{number}/fulfillments', { params: { path: { number } }, body: { carrier: 'UPS', trackingNumber: '1Z999' } });
    expect(shipped.response.status, JSON.stringify(shipped.error)).toBe(201);
    expect(shipped.data!.data.status).toBe('fulfilled');
    expect(shipped.data!.data.shipments[0]!.trackingNumber).toBe('1Z999');
    await deliverEverything();

    const level = await api.GET('/inventory/{variantId}', { params: { path: { variantId } } });
    expect(level.data!.data.stockOnHand).toBe(4);
    const ledger = await api.GET('/inventory/{variantId}/ledger', { params: { path: { variantId } } });
    expect(ledger.data!.data.map((entry) => entry.reason)).toEqual(['order_placed', 'received']);

    // Every message is signed; no webhook-id arrives twice; this product's and order's events each arrive once.
    expect(receiver.received.length).toBeGreaterThan(0);
    expect(receiver.received.every((message) => message.signatureValid)).toBe(true);
    const ids = receiver.received.map((message) => message.id);
    expect(new Set(ids).size).toBe(ids.length);
    const mine = receiver.received.filter((message) => message.body.data.id === product.id || message.body.data.number === number || message.body.data.variantId === variantId);
    expect(mine.map((message) => message.body.type).sort()).toEqual(['inventory.low', 'order.created', 'order.fulfilled', 'order.paid', 'product.created']);
    expect(mine.every((message) => message.body.api_version === '2026-12-01')).toBe(true);
    const fulfilled = mine.find((message) => message.body.type === 'order.fulfilled')!;
    expect(fulfilled.body.data).toEqual(shipped.data!.data);
  });

  it('a key without the write scope gets 403 and changes nothing', async () => {
    const { product } = await (async () => {
      const writer = clientFor((await keyWith(['products:write'])).secret);
      const suffix = randomBytes(3).toString('hex').toUpperCase();
      const made = await writer.POST('/products', { body: { title: `Read-only check ${suffix}`, status: 'draft', featured: false, variants: [{ values: [], sku: `RO-${suffix}`, price: '5.00', stock: 3, active: true }] } });
      return { product: made.data!.data };
    })();
    const reader = clientFor((await keyWith(['products:read', 'inventory:read'])).secret);
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(products);

    const refused = await reader.POST('/products', { body: { title: 'Should not exist', status: 'active', featured: false, variants: [{ values: [], sku: `NOPE-${randomBytes(3).toString('hex')}`, price: '1.00', stock: 1, active: true }] } });
    expect(refused.response.status).toBe(403);
    expect(refused.error?.error.code).toBe('forbidden');
    const archive = await reader.POST('/products/{id}/archive', { params: { path: { id: product.id } } });
    expect(archive.response.status).toBe(403);
    const adjust = await reader.POST('/inventory/{variantId}/adjustments', { params: { path: { variantId: product.variants[0]!.id } }, body: { delta: 5, reason: 'received' } });
    expect(adjust.response.status).toBe(403);

    const after = await db.select({ n: sql<number>`count(*)::int` }).from(products);
    expect(after[0]!.n).toBe(before[0]!.n);
    const [row] = await db.select({ status: products.status }).from(products).where(eq(products.id, product.id));
    expect(row!.status).toBe('draft');
    const [stock] = await db.select({ stock: variants.stockOnHand }).from(variants).where(eq(variants.id, product.variants[0]!.id));
    expect(stock!.stock).toBe(3);
    // Reading is what the key may do.
    expect((await reader.GET('/products/{id}', { params: { path: { id: product.id } } })).response.status).toBe(200);
    // And an area it has no scope for at all is refused too.
    expect((await reader.GET('/orders', { params: { query: {} } })).response.status).toBe(403);
  });

  it('a revoked key is refused from the very next request', async () => {
    const { key, secret } = await keyWith(['products:read']);
    const api = clientFor(secret);
    expect((await api.GET('/products', { params: { query: { limit: 1 } } })).response.status).toBe(200);
    await revokeApiKey(actor, key.id);
    const refused = await api.GET('/products', { params: { query: { limit: 1 } } });
    expect(refused.response.status).toBe(401);
    expect(refused.response.headers.get('www-authenticate')).toContain('Bearer');
    expect((await clientFor('sfk_not-a-real-key').GET('/products', { params: { query: {} } })).response.status).toBe(401);
  });

  it('20 concurrent writes with one Idempotency-Key have one effect', async () => {
    const api = clientFor((await keyWith(['products:write', 'inventory:write'])).secret);
    const suffix = randomBytes(3).toString('hex').toUpperCase();
    const made = await api.POST('/products', { body: { title: `Idem ${suffix}`, status: 'active', featured: false, variants: [{ values: [], sku: `IDEM-${suffix}`, price: '3.00', stock: 10, active: true }] } });
    const variantId = made.data!.data.variants[0]!.id;
    const key = `adjust-${suffix}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.POST('/inventory/{variantId}/adjustments', { params: { path: { variantId }, header: { 'Idempotency-Key': key } }, body: { delta: 4, reason: 'received' } }),
      ),
    );
    expect(answers.map((answer) => answer.response.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((answer) => answer.data!.data.stockOnHand))).toEqual(new Set([14]));
    expect(answers.filter((answer) => answer.response.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    const [stock] = await db.select({ stock: variants.stockOnHand }).from(variants).where(eq(variants.id, variantId));
    expect(stock!.stock).toBe(14);
    // The same key with another body is refused, and changes nothing.
    const other = await api.POST('/inventory/{variantId}/adjustments', { params: { path: { variantId }, header: { 'Idempotency-Key': key } }, body: { delta: 9, reason: 'received' } });
    expect(other.response.status).toBe(422);
    const [still] = await db.select({ stock: variants.stockOnHand }).from(variants).where(eq(variants.id, variantId));
    expect(still!.stock).toBe(14);
  });

  it('disables an endpoint whose every attempt failed for 24 hours and emails the admins; one that answered meanwhile stays on', async () => {
    env.WEBHOOK_ALLOW_PRIVATE_URLS = true;
    const failing = createServer((_request, response) => response.writeHead(500).end('receiver down'));
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = failing.address() as AddressInfo;
      const dead = await createWebhookEndpoint(actor, { url: `http://127.0.0.1:${port}/dead`, description: '', eventTypes: ['product.created'] });
      const flaky = await createWebhookEndpoint(actor, { url: `http://127.0.0.1:${port}/flaky`, description: '', eventTypes: ['product.created'] });
      // Both deliveries are on their last attempt, their 24 hours over (as if created a day ago and retried six
      // times). The dead endpoint failed every one of those attempts; the flaky one answered another delivery since.
      for (const [endpoint, failures] of [
        [dead, 6],
        [flaky, 2],
      ] as const) {
        await db.update(webhookEndpoints).set({ consecutiveFailures: failures }).where(eq(webhookEndpoints.id, endpoint.id));
        await db.insert(webhookDeliveries).values({
          endpointId: endpoint.id,
          messageId: `evt_${randomBytes(8).toString('hex')}`,
          eventType: 'product.created',
          payload: { type: 'product.created' },
          attempts: 6,
          nextAttemptAt: new Date(Date.now() - 1_000),
          giveUpAt: new Date(Date.now() - 60_000),
        });
      }
      await deliverDueWebhooks({ limit: 500 });

      const endpointsAfter = await db.select().from(webhookEndpoints).where(sql`${webhookEndpoints.id} in (${dead.id}, ${flaky.id})`);
      const byId = new Map(endpointsAfter.map((row) => [row.id, row]));
      expect(byId.get(dead.id)).toMatchObject({ enabled: false });
      expect(byId.get(dead.id)!.disabledReason).toMatch(/every attempt failed for 24 hours/);
      expect(byId.get(flaky.id)).toMatchObject({ enabled: true });
      for (const endpoint of [dead, flaky]) {
        const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
        expect(delivery).toMatchObject({ status: 'failed', attempts: 7, responseStatus: 500 });
      }
      const mails = await db.select().from(emailMessages).where(eq(emailMessages.toAddress, actor.user.email));
      const notices = mails.filter((mail) => mail.subject === 'A webhook endpoint was disabled');
      expect(notices).toHaveLength(1);
      expect(notices[0]!.template).toBe('webhook_endpoint_disabled');
      expect(notices[0]!.textBody).toContain(`/admin/webhooks/${dead.id}`);
      expect(notices[0]!.textBody).toContain(`http://127.0.0.1:${port}/dead`);
      // Branded like the store's other emails: an HTML part with the button to the endpoint's page.
      expect(notices[0]!.htmlBody).toMatch(/^<!DOCTYPE html/);
      expect(notices[0]!.htmlBody).toContain(`/admin/webhooks/${dead.id}`);
      expect(notices[0]!.htmlBody).toContain('A webhook endpoint was disabled');

      // Nothing more is sent to a disabled endpoint: a new delivery to it fails without a request.
      await db.insert(webhookDeliveries).values({ endpointId: dead.id, messageId: `evt_${randomBytes(8).toString('hex')}`, eventType: 'product.created', payload: { type: 'product.created' }, giveUpAt: new Date(Date.now() + 3_600_000) });
      await deliverDueWebhooks({ limit: 500 });
      const afterDisable = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, dead.id));
      expect(afterDisable.find((row) => row.attempts === 0)).toMatchObject({ status: 'failed', lastError: 'The endpoint is disabled.' });
    } finally {
      await new Promise((resolve) => failing.close(resolve));
    }
  });

  it('refuses webhook endpoints on private addresses unless development allows them, at registration and at delivery', async () => {
    env.WEBHOOK_ALLOW_PRIVATE_URLS = false;
    for (const url of ['https://127.0.0.1/hook', 'http://127.0.0.1:8080/hook', 'https://169.254.169.254/latest', 'https://10.1.2.3/', 'https://100.64.0.1/', 'https://[::1]/', 'https://[::ffff:127.0.0.1]/', 'https://localhost/hook']) {
      await expect(createWebhookEndpoint(actor, { url, description: '', eventTypes: ['order.created'] }), url).rejects.toMatchObject({ code: 'validation_failed' });
    }
    // Saved while the allowance was on, then it is turned off: the delivery is refused when it connects.
    env.WEBHOOK_ALLOW_PRIVATE_URLS = true;
    const { port } = receiver.server.address() as AddressInfo;
    const { id } = await createWebhookEndpoint(actor, { url: `http://127.0.0.1:${port}/late`, description: '', eventTypes: ['product.created'] });
    env.WEBHOOK_ALLOW_PRIVATE_URLS = false;
    const countBefore = receiver.received.length;
    await db.insert(webhookDeliveries).values({ endpointId: id, messageId: `evt_${randomBytes(8).toString('hex')}`, eventType: 'product.created', payload: { type: 'product.created' }, giveUpAt: new Date(Date.now() + 3_600_000) });
    await deliverDueWebhooks({ limit: 500 });
    expect(receiver.received.length).toBe(countBefore);
    const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id));
    expect(delivery!.status).toBe('pending');
    expect(delivery!.lastError).toMatch(/https|private/);
  });
});
