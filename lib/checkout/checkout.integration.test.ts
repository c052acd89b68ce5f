import { and, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { POST as checkoutRoute } from '@/app/api/store/v1/checkout/route';
import { GET as orderRoute } from '@/app/api/store/v1/orders/[number]/route';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { carts, discountCodes, emailMessages, idempotencyKeys, inventoryLedger, orderLines, orders, outboxEvents, shippingRates, shippingZones, variants } from '@/db/schema';
import { addCartLine, hashCartToken } from '@/lib/cart/service';
import { CLAIM_LEASE_MS, requestHash } from '@/lib/http/idempotency';
import { deliverOrderPlaced } from '@/lib/orders/notifications';
import { placeOrderSchema } from './schemas';
import { listShippingOptions, placeOrder } from './service';

afterAll(() => closeConnection());

const address = { name: 'Ada Buyer', line1: '1 Test Street', city: 'Austin', region: 'TX', postalCode: '73301', countryCode: 'US' };

async function standardRateId() {
  const options = await listShippingOptions('US', 'USD');
  return options.find((o) => o.name === 'Standard')!.id;
}

async function guestCartWith(variantId: string, quantity: number) {
  const { newToken, cart } = await addCartLine({}, { variantId, quantity });
  return { token: newToken!, cartId: cart.id };
}

function input(overrides: Record<string, unknown> = {}, rateId?: string) {
  return placeOrderSchema.parse({ email: 'Buyer@Example.com ', shippingAddress: address, shippingRateId: rateId, ...overrides });
}

function checkoutRequest(token: string, key: string | null, body: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-cart-token': token };
  if (key) headers['idempotency-key'] = key;
  return new NextRequest('http://store.test/api/store/v1/checkout', { method: 'POST', headers, body: JSON.stringify(body) });
}

const noParams = { params: Promise.resolve({}) };

describe('placing an order', () => {
  it('re-prices from the database, decrements stock, writes ledger, outbox and line snapshots in one go', async () => {
    const rateId = await standardRateId();
    const { variant, product } = await createTestVariant({ stock: 7, priceCents: 2000 });
    const { token, cartId } = await guestCartWith(variant.id, 2);
    // The price changes after the cart was filled: the order uses the price at placement.
    await db.update(variants).set({ priceCents: 2100 }).where(eq(variants.id, variant.id));

    const placed = await placeOrder({ token }, input({}, rateId));
    expect(placed.created).toBe(true);
    expect(placed.number).toMatch(/^SF-[0-9A-HJKMNP-TV-Z]{8}$/);
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order).toMatchObject({ email: 'buyer@example.com', subtotalCents: 4200, shippingCents: 599, sourceCartId: cartId });
    // Texas 6.25 % on goods and shipping (exclusive).
    expect(order!.taxCents).toBe(Math.round((4200 + 599) * 0.0625));
    expect(order!.totalCents).toBe(4200 + 599 + order!.taxCents);
    const [line] = await db.select().from(orderLines).where(eq(orderLines.orderId, placed.orderId));
    expect(line).toMatchObject({ productTitle: product.title, unitPriceCents: 2100, quantity: 2, sku: variant.sku });
    const [stock] = await db.select({ stock: variants.stockOnHand }).from(variants).where(eq(variants.id, variant.id));
    expect(stock!.stock).toBe(5);
    const ledger = await db.select().from(inventoryLedger).where(eq(inventoryLedger.orderId, placed.orderId));
    expect(ledger).toMatchObject([{ delta: -2, quantityAfter: 5, reason: 'order_placed' }]);
    const [cart] = await db.select({ status: carts.status }).from(carts).where(eq(carts.id, cartId));
    expect(cart!.status).toBe('converted');
    expect(await db.$count(outboxEvents, and(eq(outboxEvents.aggregateId, placed.orderId), eq(outboxEvents.type, 'order.placed')))).toBe(1);

    // The confirmation is stored (no SMTP in tests) exactly once, however often delivery runs.
    await deliverOrderPlaced(placed.orderId);
    await deliverOrderPlaced(placed.orderId);
    const mails = await db.select().from(emailMessages).where(eq(emailMessages.subject, `Order confirmation ${placed.number}`));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ status: 'stored', toAddress: 'buyer@example.com' });
  });

  it('50 concurrent checkouts of a variant with stock 5 make exactly 5 orders and leave stock at 0', async () => {
    const rateId = await standardRateId();
    const { variant } = await createTestVariant({ stock: 5, priceCents: 1000 });
    // Fill 50 carts while stock is 5 (each holds one unit), then all check out at once.
    const cartsToCheckOut = [];
    for (let i = 0; i < 50; i += 1) cartsToCheckOut.push(await guestCartWith(variant.id, 1));
    const results = await Promise.allSettled(cartsToCheckOut.map(({ token }) => placeOrder({ token }, input({}, rateId))));
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(5);
    expect(rejected.every((r) => (r.reason as { code?: string }).code === 'conflict')).toBe(true);
    const [stock] = await db.select({ stock: variants.stockOnHand }).from(variants).where(eq(variants.id, variant.id));
    expect(stock!.stock).toBe(0);
    expect(await db.$count(orderLines, eq(orderLines.variantId, variant.id))).toBe(5);
    expect(await db.$count(inventoryLedger, eq(inventoryLedger.variantId, variant.id))).toBe(5);
  });

  it('ten concurrent submits of one cart make one order', async () => {
    const rateId = await standardRateId();
    const { variant } = await createTestVariant({ stock: 10 });
    const { token, cartId } = await guestCartWith(variant.id, 3);
    const results = await Promise.all(Array.from({ length: 10 }, () => placeOrder({ token }, input({ cartId }, rateId))));
    expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.$count(orders, eq(orders.sourceCartId, cartId))).toBe(1);
    const [stock] = await db.select({ stock: variants.stockOnHand }).from(variants).where(eq(variants.id, variant.id));
    expect(stock!.stock).toBe(7);
  });

  it('refuses an unknown or foreign shipping rate and an address that fails validation, changing nothing', async () => {
    const { variant } = await createTestVariant({ stock: 4 });
    const { token } = await guestCartWith(variant.id, 1);
    const [euRate] = await db
      .select({ id: shippingRates.id })
      .from(shippingRates)
      .innerJoin(shippingZones, eq(shippingZones.id, shippingRates.zoneId))
      .where(eq(shippingZones.name, 'Europe'));
    await expect(placeOrder({ token }, input({}, euRate!.id))).rejects.toMatchObject({ code: 'validation_failed' });
    expect(placeOrderSchema.safeParse({ email: 'a@b.co', shippingAddress: { ...address, postalCode: '7330' }, shippingRateId: euRate!.id }).success).toBe(false);
    const [stock] = await db.select({ stock: variants.stockOnHand }).from(variants).where(eq(variants.id, variant.id));
    expect(stock!.stock).toBe(4);
  });
});

describe('discount codes at placement', () => {
  it('counts a use with a conditional increment and never exceeds the usage limit', async () => {
    const rateId = await standardRateId();
    await db.insert(discountCodes).values({ code: 'ONLY2', type: 'fixed_amount', value: 300, currency: 'USD', usageLimit: 2 });
    const { variant } = await createTestVariant({ stock: 20, priceCents: 1500 });
    const buyers = [];
    for (let i = 0; i < 5; i += 1) buyers.push(await guestCartWith(variant.id, 1));
    const results = await Promise.allSettled(
      buyers.map(({ token }, i) => placeOrder({ token }, input({ discountCode: 'only2', email: `buyer${i}@example.com` }, rateId))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const [code] = await db.select().from(discountCodes).where(eq(discountCodes.code, 'ONLY2'));
    expect(code!.timesUsed).toBe(2);
  });

  it('enforces the minimum subtotal and the per-customer limit (WELCOME10)', async () => {
    const rateId = await standardRateId();
    const cheap = await createTestVariant({ stock: 5, priceCents: 1000 });
    const { token: smallCart } = await guestCartWith(cheap.variant.id, 1);
    await expect(placeOrder({ token: smallCart }, input({ discountCode: 'WELCOME10', email: 'welcome@example.com' }, rateId))).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: { discountCode: [expect.stringContaining('subtotal')] },
    });

    const dear = await createTestVariant({ stock: 5, priceCents: 6000 });
    const first = await guestCartWith(dear.variant.id, 1);
    const placed = await placeOrder({ token: first.token }, input({ discountCode: 'WELCOME10', email: 'welcome@example.com' }, rateId));
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order).toMatchObject({ discountCents: 600, discountCode: 'WELCOME10' });

    const second = await guestCartWith(dear.variant.id, 1);
    await expect(placeOrder({ token: second.token }, input({ discountCode: 'WELCOME10', email: 'WELCOME@example.com' }, rateId))).rejects.toMatchObject({
      fieldErrors: { discountCode: ['You have already used this discount code.'] },
    });
  });
});

describe('Store API checkout', () => {
  it('needs an Idempotency-Key, ignores client prices and replays one order for ten concurrent submits with one key', async () => {
    const rateId = await standardRateId();
    const { variant } = await createTestVariant({ stock: 10, priceCents: 5000 });
    const { token, cartId } = await guestCartWith(variant.id, 1);
    const body = { email: 'api@example.com', shippingAddress: address, shippingRateId: rateId, totalCents: 1, priceCents: 1 };

    expect((await checkoutRoute(checkoutRequest(token, null, body), noParams)).status).toBe(400);

    const responses = await Promise.all(Array.from({ length: 10 }, () => checkoutRoute(checkoutRequest(token, 'key-checkout-0001', body), noParams)));
    // The first answer is stored and replayed verbatim (same status, same body) to the other nine.
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(new Set(bodies.map((b) => b.order.number)).size).toBe(1);
    expect(await db.$count(orders, eq(orders.sourceCartId, cartId))).toBe(1);
    expect(bodies[0].order.totalCents).toBeGreaterThan(5000);

    // Same key, different body: refused.
    const reused = await checkoutRoute(checkoutRequest(token, 'key-checkout-0001', { ...body, email: 'other@example.com' }), noParams);
    expect(reused.status).toBe(422);

    // The owner (by email) can read it; a wrong email is 404.
    const number = bodies[0].order.number as string;
    const read = (email: string) =>
      orderRoute(new NextRequest(`http://store.test/api/store/v1/orders/${number}`, { headers: { 'x-order-email': email } }), {
        params: Promise.resolve({ number }),
      });
    expect((await read('API@example.com')).status).toBe(200);
    expect((await read('someone@example.com')).status).toBe(404);
  });

  it('lets a retry take over a claim whose server died mid-request, and still makes one order', async () => {
    const rateId = await standardRateId();
    const { variant } = await createTestVariant({ stock: 4 });
    const { token, cartId } = await guestCartWith(variant.id, 1);
    const body = { email: 'crash@example.com', shippingAddress: address, shippingRateId: rateId };
    // The first attempt placed the order and then its instance was killed before it could record the answer.
    await placeOrder({ token }, input({ email: 'crash@example.com' }, rateId));
    await db.insert(idempotencyKeys).values({
      scope: `checkout:cart:${hashCartToken(token)}`,
      key: 'key-crashed-0001',
      requestHash: requestHash(placeOrderSchema.parse(body)),
      status: 'in_progress',
      createdAt: new Date(Date.now() - CLAIM_LEASE_MS - 1000),
      expiresAt: new Date(Date.now() + 3600_000),
    });
    const retry = await checkoutRoute(checkoutRequest(token, 'key-crashed-0001', body), noParams);
    expect(retry.status).toBe(200);
    const { order } = await retry.json();
    const [placed] = await db.select({ number: orders.number }).from(orders).where(eq(orders.sourceCartId, cartId));
    expect(order.number).toBe(placed!.number);
    expect(await db.$count(orders, eq(orders.sourceCartId, cartId))).toBe(1);
  });

  it('refuses a negative quantity in the cart API path and leaves stock untouched', async () => {
    const rateId = await standardRateId();
    const { variant } = await createTestVariant({ stock: 3 });
    const { token } = await guestCartWith(variant.id, 1);
    const body = { email: 'neg@example.com', shippingAddress: address, shippingRateId: rateId, lines: [{ variantId: variant.id, quantity: -5 }] };
    const response = await checkoutRoute(checkoutRequest(token, 'key-negative-0001', body), noParams);
    expect(response.status).toBe(201);
    const [stock] = await db.select({ stock: variants.stockOnHand }).from(variants).where(eq(variants.id, variant.id));
    // Lines in the body are ignored: the cart's one unit was sold, not -5.
    expect(stock!.stock).toBe(2);
  });
});
