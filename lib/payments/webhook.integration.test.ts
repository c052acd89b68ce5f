import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { orderEvents, orders, payments, processedEvents } from '@/db/schema';
import { addCartLine } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { handleStripeWebhook } from './service';

afterAll(() => closeConnection());

const SECRET = 'whsec_test_secret_for_integration';
let sequence = 0;

async function placedOrder() {
  const { variant } = await createTestVariant({ stock: 5, priceCents: 3000 });
  const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
  const rate = (await listShippingOptions('US', 'USD'))[0]!;
  const input = placeOrderSchema.parse({
    email: 'card@example.com',
    shippingAddress: { name: 'C', line1: '1 St', city: 'X', region: 'OR', postalCode: '97201', countryCode: 'US' },
    shippingRateId: rate.id,
  });
  const placed = await placeOrder({ token: newToken }, input);
  return placed;
}

function signedEvent(type: string, intent: Record<string, unknown>, id = `evt_test_${Date.now()}_${(sequence += 1)}`) {
  const payload = JSON.stringify({ id, object: 'event', type, data: { object: { object: 'payment_intent', ...intent } } });
  return { id, payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }) };
}

async function orderState(orderId: string) {
  const [row] = await db.select({ status: orders.status, paymentStatus: orders.paymentStatus }).from(orders).where(eq(orders.id, orderId));
  return row!;
}

describe('Stripe webhook', () => {
  it('refuses a bad signature with 400 and changes nothing', async () => {
    const placed = await placedOrder();
    const event = signedEvent('payment_intent.succeeded', { id: 'pi_bad', amount: placed.totalCents, amount_received: placed.totalCents, currency: 'usd', metadata: { orderId: placed.orderId } });
    const forged = Stripe.webhooks.generateTestHeaderString({ payload: event.payload, secret: 'whsec_someone_else' });
    expect((await handleStripeWebhook(event.payload, forged, SECRET)).status).toBe(400);
    expect((await handleStripeWebhook(event.payload, null, SECRET)).status).toBe(400);
    expect((await handleStripeWebhook(event.payload.replace('usd', 'eur'), event.signature, SECRET)).status).toBe(400);
    expect(await orderState(placed.orderId)).toEqual({ status: 'pending', paymentStatus: 'unpaid' });
    expect(await db.$count(processedEvents, eq(processedEvents.eventId, event.id))).toBe(0);
  });

  it('marks the order paid once; a replayed event has no second effect', async () => {
    const placed = await placedOrder();
    const event = signedEvent('payment_intent.succeeded', { id: `pi_ok_${placed.number}`, amount: placed.totalCents, amount_received: placed.totalCents, currency: 'usd', metadata: { orderId: placed.orderId } });
    const first = await handleStripeWebhook(event.payload, event.signature, SECRET);
    expect(first).toEqual({ status: 200, body: { received: true } });
    expect(await orderState(placed.orderId)).toEqual({ status: 'paid', paymentStatus: 'paid' });
    const replay = await handleStripeWebhook(event.payload, event.signature, SECRET);
    expect(replay.body).toMatchObject({ duplicate: true });
    expect(await db.$count(orderEvents, eq(orderEvents.orderId, placed.orderId))).toBe(2); // placed + paid
    const stripePayments = await db.select().from(payments).where(eq(payments.providerReference, `pi_ok_${placed.number}`));
    expect(stripePayments).toMatchObject([{ status: 'succeeded', amountCents: placed.totalCents }]);

    // A failure event arriving late (out of order) does not undo the success.
    const late = signedEvent('payment_intent.payment_failed', { id: `pi_ok_${placed.number}`, amount: placed.totalCents, currency: 'usd', metadata: { orderId: placed.orderId } });
    await handleStripeWebhook(late.payload, late.signature, SECRET);
    expect(await orderState(placed.orderId)).toEqual({ status: 'paid', paymentStatus: 'paid' });
    const [payment] = await db.select({ status: payments.status }).from(payments).where(eq(payments.providerReference, `pi_ok_${placed.number}`));
    expect(payment!.status).toBe('succeeded');
  });

  it('does not mark paid when the amount or currency differs from the order', async () => {
    const placed = await placedOrder();
    const short = signedEvent('payment_intent.succeeded', { id: `pi_short_${placed.number}`, amount: 100, amount_received: 100, currency: 'usd', metadata: { orderId: placed.orderId } });
    expect((await handleStripeWebhook(short.payload, short.signature, SECRET)).body).toMatchObject({ mismatch: true });
    const euros = signedEvent('payment_intent.succeeded', { id: `pi_eur_${placed.number}`, amount: placed.totalCents, amount_received: placed.totalCents, currency: 'eur', metadata: { orderId: placed.orderId } });
    expect((await handleStripeWebhook(euros.payload, euros.signature, SECRET)).body).toMatchObject({ mismatch: true });
    expect(await orderState(placed.orderId)).toEqual({ status: 'pending', paymentStatus: 'unpaid' });
  });
});
