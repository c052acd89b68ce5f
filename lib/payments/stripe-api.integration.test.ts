import { and, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as checkoutRoute } from '@/app/api/store/v1/checkout/route';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { idempotencyKeys, orders, payments } from '@/db/schema';
import { addCartLine } from '@/lib/cart/service';
import { listShippingOptions } from '@/lib/checkout/service';
import { env } from '@/lib/env';
import { startStripeStandIn, type StripeStandIn } from './testing/stripe-stand-in';

// Placing a card order through the Store API, with the real Stripe SDK talking to a local stand-in for Stripe's
// API at STRIPE_API_URL (./testing/stripe-stand-in.ts), so no test needs the network or a real key. These tests
// prove what we send (amount from the server total, currency, metadata, idempotency key) and what we do with the
// answer; they do not prove Stripe's own behaviour.

let stripe: StripeStandIn;

beforeAll(async () => {
  stripe = await startStripeStandIn();
});

afterAll(async () => {
  await stripe.close();
  await closeConnection();
});

type CheckoutAnswer = {
  order: { number: string; totalCents: number; currency: string };
  payment: { provider: string; paymentIntentId: string; clientSecret: string; publishableKey: string };
  error: { code: string; message: string };
};

const noParams = { params: Promise.resolve({}) };

async function cardCheckout(options: { key: string; token?: string; extra?: Record<string, unknown> }) {
  let token = options.token;
  if (!token) {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 3350 });
    token = (await addCartLine({}, { variantId: variant.id, quantity: 2 })).newToken!;
  }
  const rate = (await listShippingOptions('US', 'USD')).find((option) => option.name === 'Standard')!;
  const body = {
    email: 'api-card@example.com',
    shippingAddress: { name: 'Api Card', line1: '1 Main St', city: 'Austin', region: 'TX', postalCode: '73301', countryCode: 'US' },
    shippingRateId: rate.id,
    paymentProvider: 'stripe',
    ...options.extra,
  };
  const response = await checkoutRoute(
    new NextRequest('http://store.test/api/store/v1/checkout', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cart-token': token, 'idempotency-key': options.key },
      body: JSON.stringify(body),
    }),
    noParams,
  );
  return { response, token, json: (await response.json()) as CheckoutAnswer };
}

describe('Store API checkout with Stripe', () => {
  it('starts a PaymentIntent sized from the server total and returns what the client needs to confirm it', async () => {
    const key = `card-${Date.now()}-a`;
    const { response, json } = await cardCheckout({ key, extra: { totalCents: 1, amount: 1 } });
    expect(response.status).toBe(201);
    const [order] = await db.select().from(orders).where(eq(orders.number, json.order.number));
    expect(order!.paymentProvider).toBe('stripe');
    expect(order!.totalCents).toBeGreaterThan(6700);
    expect(json.order.totalCents).toBe(order!.totalCents);

    const call = stripe.paymentIntentCalls.at(-1)!;
    expect(call).toMatchObject({ amount: order!.totalCents, currency: 'usd', orderId: order!.id, idempotencyKey: `order-${order!.id}` });
    expect(call.authorization).toBe(`Bearer ${env.STRIPE_SECRET_KEY}`);
    expect(json.payment).toEqual({
      provider: 'stripe',
      paymentIntentId: expect.stringMatching(/^pi_local_/),
      clientSecret: expect.stringMatching(/_secret_/),
      publishableKey: env.STRIPE_PUBLISHABLE_KEY,
    });
    const rows = await db.select().from(payments).where(eq(payments.orderId, order!.id));
    expect(rows).toMatchObject([{ provider: 'stripe', status: 'pending', amountCents: order!.totalCents, currency: 'USD', providerReference: json.payment.paymentIntentId }]);
  });

  it('replays the same PaymentIntent for a repeated Idempotency-Key and never stores its client secret', async () => {
    const key = `card-${Date.now()}-b`;
    const first = await cardCheckout({ key });
    expect(first.response.status).toBe(201);
    const again = await cardCheckout({ key, token: first.token });
    expect(again.response.status).toBe(201);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.number, first.json.order.number));
    expect(await db.$count(payments, eq(payments.orderId, order!.id))).toBe(1);
    const [stored] = await db.select({ body: idempotencyKeys.responseBody }).from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(JSON.stringify(stored!.body)).not.toContain(first.json.payment.clientSecret);
  });

  it('when Stripe cannot be reached the order stays placed (503); retrying the same request returns the payment', async () => {
    const key = `card-${Date.now()}-c`;
    stripe.failNext(1);
    const failed = await cardCheckout({ key });
    expect(failed.response.status).toBe(503);
    expect(failed.json.error.message).toMatch(/^Order SF-[0-9A-Z]{8} is placed, but card payment could not be started/);
    const number = /SF-[0-9A-Z]{8}/.exec(failed.json.error.message)![0];
    const [order] = await db.select({ id: orders.id, totalCents: orders.totalCents }).from(orders).where(eq(orders.number, number));
    expect(await db.$count(payments, eq(payments.orderId, order!.id))).toBe(0);

    const retried = await cardCheckout({ key, token: failed.token });
    expect(retried.response.status).toBe(201);
    expect(retried.json.order.number).toBe(number);
    expect(retried.json.payment.clientSecret).toMatch(/_secret_/);
    expect(await db.$count(payments, and(eq(payments.orderId, order!.id), eq(payments.amountCents, order!.totalCents)))).toBe(1);
  });
});
