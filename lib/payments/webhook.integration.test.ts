import { and, eq, sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { auditLog, emailMessages, orderEvents, orders, outboxEvents, payments, processedEvents, refunds } from '@/db/schema';
import { deliverOutboxFor } from '@/lib/outbox/worker';
import { staffActor } from '@/lib/admin/testing';
import { refundOrder } from '@/lib/orders/service';
import { addCartLine } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { createStripeRefunder, defaultRefunders, manualRefunder, type PaymentRefunder } from './refunds';
import { handleStripeWebhook } from './service';
import { startStripeStandIn, type StripeStandIn } from './testing/stripe-stand-in';

// The Stripe webhook against the real Stripe SDK and a local stand-in for Stripe's API (./testing/stripe-stand-in.ts):
// an event is only a hint; what the store records comes from Stripe's API (finding 8, issue 14).

let stripe: StripeStandIn;
beforeAll(async () => {
  stripe = await startStripeStandIn();
});
afterAll(async () => {
  await stripe.close();
  await closeConnection();
});

const SECRET = 'whsec_test_secret_for_integration';
let sequence = 0;

async function placedOrder(email = 'card@example.com') {
  const { variant } = await createTestVariant({ stock: 5, priceCents: 3000 });
  const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
  const rate = (await listShippingOptions('US', 'USD'))[0]!;
  const input = placeOrderSchema.parse({
    email,
    shippingAddress: { name: 'C', line1: '1 St', city: 'X', region: 'OR', postalCode: '97201', countryCode: 'US' },
    shippingRateId: rate.id,
    paymentProvider: 'stripe',
  });
  const placed = await placeOrder({ token: newToken }, input);
  return placed;
}

function signed(type: string, object: Record<string, unknown>, id = `evt_test_${Date.now()}_${(sequence += 1)}`) {
  const payload = JSON.stringify({ id, object: 'event', type, data: { object } });
  return { id, payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }) };
}

function signedEvent(type: string, intent: Record<string, unknown>, id?: string) {
  return signed(type, { object: 'payment_intent', ...intent }, id);
}

const deliver = (event: { payload: string; signature: string }) => handleStripeWebhook(event.payload, event.signature, SECRET);

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
    const intent = { id: `pi_ok_${placed.number}`, amount: placed.totalCents, amount_received: placed.totalCents, currency: 'usd', metadata: { orderId: placed.orderId } };
    stripe.putIntent({ ...intent, status: 'succeeded' });
    const event = signedEvent('payment_intent.succeeded', intent);
    const first = await deliver(event);
    expect(first).toEqual({ status: 200, body: { received: true } });
    expect(await orderState(placed.orderId)).toEqual({ status: 'paid', paymentStatus: 'paid' });
    const replay = await deliver(event);
    expect(replay.body).toMatchObject({ duplicate: true });
    expect(await db.$count(orderEvents, eq(orderEvents.orderId, placed.orderId))).toBe(2); // placed + paid
    const stripePayments = await db.select().from(payments).where(eq(payments.providerReference, intent.id));
    expect(stripePayments).toMatchObject([{ status: 'succeeded', amountCents: placed.totalCents }]);

    // A failure event arriving late (out of order) does not undo the success.
    const late = signedEvent('payment_intent.payment_failed', { ...intent, amount_received: 0 });
    await deliver(late);
    expect(await orderState(placed.orderId)).toEqual({ status: 'paid', paymentStatus: 'paid' });
    const [payment] = await db.select({ status: payments.status }).from(payments).where(eq(payments.providerReference, intent.id));
    expect(payment!.status).toBe('succeeded');
  });

  it('does not mark paid when the amount or currency Stripe holds differs from the order', async () => {
    const placed = await placedOrder();
    stripe.putIntent({ id: `pi_short_${placed.number}`, amount: 100, currency: 'usd', status: 'succeeded', metadata: { orderId: placed.orderId } });
    const short = signedEvent('payment_intent.succeeded', { id: `pi_short_${placed.number}`, amount: 100, amount_received: 100, currency: 'usd', metadata: { orderId: placed.orderId } });
    expect((await deliver(short)).body).toMatchObject({ mismatch: true });
    stripe.putIntent({ id: `pi_eur_${placed.number}`, amount: placed.totalCents, currency: 'eur', status: 'succeeded', metadata: { orderId: placed.orderId } });
    const euros = signedEvent('payment_intent.succeeded', { id: `pi_eur_${placed.number}`, amount: placed.totalCents, amount_received: placed.totalCents, currency: 'eur', metadata: { orderId: placed.orderId } });
    expect((await deliver(euros)).body).toMatchObject({ mismatch: true });
    expect(await orderState(placed.orderId)).toEqual({ status: 'pending', paymentStatus: 'unpaid' });
  });
});

describe('Stripe webhook: the API, not the payload, decides (finding 8)', () => {
  it('a forged "succeeded" event for an intent Stripe says is unpaid changes nothing', async () => {
    const placed = await placedOrder();
    const id = `pi_forged_${placed.number}`;
    stripe.putIntent({ id, amount: placed.totalCents, currency: 'usd', status: 'requires_payment_method', metadata: { orderId: placed.orderId } });
    const forged = signedEvent('payment_intent.succeeded', { id, status: 'succeeded', amount: placed.totalCents, amount_received: placed.totalCents, currency: 'usd', metadata: { orderId: placed.orderId } });
    const outcome = await deliver(forged);
    expect(outcome.status).toBe(200);
    expect(await orderState(placed.orderId)).toEqual({ status: 'pending', paymentStatus: 'unpaid' });
    expect(await db.$count(payments, and(eq(payments.orderId, placed.orderId), eq(payments.status, 'succeeded')))).toBe(0);
    expect(await db.$count(orderEvents, and(eq(orderEvents.orderId, placed.orderId), eq(orderEvents.type, 'paid')))).toBe(0);

    // An intent Stripe has never heard of changes nothing either.
    const unknown = signedEvent('payment_intent.succeeded', { id: `pi_nowhere_${placed.number}`, status: 'succeeded', amount: placed.totalCents, amount_received: placed.totalCents, currency: 'usd', metadata: { orderId: placed.orderId } });
    expect((await deliver(unknown)).status).toBe(200);
    expect(await orderState(placed.orderId)).toEqual({ status: 'pending', paymentStatus: 'unpaid' });
  });

  it('when Stripe cannot be asked, the event is answered 503 and not marked processed, so Stripe retries it', async () => {
    const placed = await placedOrder();
    const intent = { id: `pi_retry_${placed.number}`, amount: placed.totalCents, currency: 'usd', metadata: { orderId: placed.orderId } };
    stripe.putIntent({ ...intent, status: 'succeeded' });
    const event = signedEvent('payment_intent.succeeded', { ...intent, amount_received: placed.totalCents });
    stripe.failNext(1);
    expect((await deliver(event)).status).toBe(503);
    expect(await db.$count(processedEvents, eq(processedEvents.eventId, event.id))).toBe(0);
    expect((await deliver(event)).status).toBe(200);
    expect(await orderState(placed.orderId)).toEqual({ status: 'paid', paymentStatus: 'paid' });
  });
});

describe('Stripe webhook: refunds made in Stripe’s dashboard (finding 8)', () => {
  /** An order paid by card, as Stripe and the store both see it. */
  async function paidByCard(email?: string) {
    const placed = await placedOrder(email);
    const intent = `pi_paid_${placed.number}`;
    stripe.putIntent({ id: intent, amount: placed.totalCents, currency: 'usd', status: 'succeeded', metadata: { orderId: placed.orderId } });
    await deliver(signedEvent('payment_intent.succeeded', { id: intent, amount: placed.totalCents, amount_received: placed.totalCents, currency: 'usd', metadata: { orderId: placed.orderId } }));
    expect(await orderState(placed.orderId)).toEqual({ status: 'paid', paymentStatus: 'paid' });
    return { ...placed, intent };
  }

  /** What Stripe sends after a refund: the charge, whose refund figures the handler must not trust. */
  const chargeRefunded = (intent: string, claimedRefundedCents: number) =>
    signed('charge.refunded', { object: 'charge', id: `ch_${intent}`, payment_intent: intent, amount_refunded: claimedRefundedCents, refunded: true, currency: 'usd' });

  async function money(orderId: string) {
    const [order] = await db.select({ refundedCents: orders.refundedCents, paymentStatus: orders.paymentStatus, status: orders.status }).from(orders).where(eq(orders.id, orderId));
    const [payment] = await db.select({ refundedCents: payments.refundedCents }).from(payments).where(eq(payments.orderId, orderId));
    const rows = await db.select({ amountCents: refunds.amountCents, status: refunds.status, providerReference: refunds.providerReference, actorId: refunds.actorId }).from(refunds).where(eq(refunds.orderId, orderId));
    return { order: order!, paymentRefundedCents: payment!.refundedCents, refunds: rows };
  }

  it('records a dashboard refund once, even when its event is delivered twice or another event names it again', async () => {
    const order = await paidByCard();
    const refund = stripe.refundInDashboard(order.intent, 1000);
    // The payload claims the whole charge was refunded: only Stripe's API is believed.
    const event = chargeRefunded(order.intent, order.totalCents);
    expect((await deliver(event)).status).toBe(200);
    expect((await deliver(event)).body).toMatchObject({ duplicate: true });
    // A separate event about the same refund (charge.refund.updated) is a new event id, but the same refund.
    expect((await deliver(signed('charge.refund.updated', { object: 'refund', id: refund.id, payment_intent: order.intent, amount: 1000, status: 'succeeded' }))).status).toBe(200);

    const after = await money(order.orderId);
    expect(after.order).toEqual({ refundedCents: 1000, paymentStatus: 'partially_refunded', status: 'paid' });
    expect(after.paymentRefundedCents).toBe(1000);
    expect(after.refunds).toEqual([{ amountCents: 1000, status: 'succeeded', providerReference: refund.id, actorId: null }]);
    expect(await db.$count(orderEvents, and(eq(orderEvents.orderId, order.orderId), eq(orderEvents.type, 'refunded')))).toBe(1);
    expect(await db.$count(auditLog, and(eq(auditLog.entityId, order.orderId), eq(auditLog.action, 'order.refund_external')))).toBe(1);
  });

  it('a partial then a full refund at Stripe sum to the charge, and the order reads "refunded"', async () => {
    const order = await paidByCard();
    stripe.refundInDashboard(order.intent, 700);
    await deliver(chargeRefunded(order.intent, 700));
    expect((await money(order.orderId)).order).toMatchObject({ refundedCents: 700, paymentStatus: 'partially_refunded' });
    stripe.refundInDashboard(order.intent, order.totalCents - 700);
    await deliver(chargeRefunded(order.intent, order.totalCents));
    const after = await money(order.orderId);
    expect(after.order).toMatchObject({ refundedCents: order.totalCents, paymentStatus: 'refunded' });
    expect(after.paymentRefundedCents).toBe(order.totalCents);
    expect(after.refunds.map((row) => row.amountCents).sort((a, b) => a - b)).toEqual([700, order.totalCents - 700].sort((a, b) => a - b));
  });

  it('a refund the store itself issued is not counted again when Stripe reports it', async () => {
    const order = await paidByCard();
    const staff = await staffActor();
    const issued = await refundOrder(staff, order.number, { amountCents: 1500, currency: 'USD', reason: 'scuffed' }, defaultRefunders());
    expect(stripe.refundsOf(order.intent)).toMatchObject([{ amount: 1500, metadata: { refundId: issued.refundId } }]);
    await deliver(chargeRefunded(order.intent, 1500));
    // And one made at Stripe afterwards is added to it, not mistaken for it.
    stripe.refundInDashboard(order.intent, 500);
    await deliver(chargeRefunded(order.intent, 2000));
    const after = await money(order.orderId);
    expect(after.order).toMatchObject({ refundedCents: 2000, paymentStatus: 'partially_refunded' });
    expect(after.paymentRefundedCents).toBe(2000);
    expect(after.refunds).toHaveLength(2);
  });

  it('a store refund whose answer from Stripe was lost (released as failed) is counted once Stripe reports it', async () => {
    const order = await paidByCard();
    const staff = await staffActor();
    const stripeRefunder = createStripeRefunder();
    // Stripe makes the refund, but the store never hears back (a timeout after Stripe acted).
    const answerLost: PaymentRefunder = {
      async refund(request) {
        await stripeRefunder.refund(request);
        throw new Error('socket hang up');
      },
    };
    await expect(refundOrder(staff, order.number, { amountCents: 900, currency: 'USD', reason: 'lost answer' }, { manual: manualRefunder, stripe: answerLost })).rejects.toMatchObject({ code: 'unavailable' });
    expect((await money(order.orderId)).order).toMatchObject({ refundedCents: 0, paymentStatus: 'paid' });

    await deliver(chargeRefunded(order.intent, 900));
    const after = await money(order.orderId);
    expect(after.order).toMatchObject({ refundedCents: 900, paymentStatus: 'partially_refunded' });
    expect(after.paymentRefundedCents).toBe(900);
    expect(after.refunds).toEqual([{ amountCents: 900, status: 'succeeded', providerReference: stripe.refundsOf(order.intent)[0]!.id, actorId: staff.user.id }]);
  });

  describe('the customer hears of a dashboard refund once', () => {
    const refundEmails = (to: string) => db.select({ subject: emailMessages.subject, textBody: emailMessages.textBody }).from(emailMessages).where(and(eq(emailMessages.toAddress, to), eq(emailMessages.template, 'order_refunded')));
    const refundEvents = (orderId: string) => db.$count(outboxEvents, and(eq(outboxEvents.type, 'order.refunded'), sql`${outboxEvents.payload}->>'orderId' = ${orderId}`));

    /** Every refund's outbox events delivered, twice over and at once (a retry and a second worker). */
    async function deliverRefundEmails(orderId: string) {
      const rows = await db.select({ id: refunds.id }).from(refunds).where(eq(refunds.orderId, orderId));
      for (const row of rows) await Promise.all([deliverOutboxFor({ type: 'refund', id: row.id }), deliverOutboxFor({ type: 'refund', id: row.id })]);
    }

    it('sends the branded refund email once, though the event is delivered twice at the same moment and another event names the refund too', async () => {
      const email = `dashboard-${Date.now()}@example.com`;
      const order = await paidByCard(email);
      const refund = stripe.refundInDashboard(order.intent, 1250);
      const event = chargeRefunded(order.intent, 1250);
      const outcomes = await Promise.all([
        deliver(event),
        deliver(event),
        deliver(signed('refund.created', { object: 'refund', id: refund.id, payment_intent: order.intent, amount: 1250, status: 'succeeded' })),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual([200, 200, 200]);
      expect((await money(order.orderId)).order).toMatchObject({ refundedCents: 1250, paymentStatus: 'partially_refunded' });
      expect(await refundEvents(order.orderId)).toBe(1);

      await deliverRefundEmails(order.orderId);
      const sent = await refundEmails(email);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.subject).toBe(`Refund on your order ${order.number}`);
      expect(sent[0]!.textBody).toContain('$12.50');
      expect(sent[0]!.textBody).toContain('Refunded at Stripe');
      // A later replay of the same event changes nothing.
      await deliver(event);
      await deliverRefundEmails(order.orderId);
      expect(await refundEmails(email)).toHaveLength(1);
    });

    it('a refund made in the admin sends one email, not a second when its own webhook comes back', async () => {
      const email = `admin-refund-${Date.now()}@example.com`;
      const order = await paidByCard(email);
      const issued = await refundOrder(await staffActor(), order.number, { amountCents: 800, currency: 'USD', reason: 'late parcel' }, defaultRefunders());
      const stripeRefund = stripe.refundsOf(order.intent)[0]!;
      await Promise.all([
        deliver(chargeRefunded(order.intent, 800)),
        deliver(signed('refund.created', { object: 'refund', id: stripeRefund.id, payment_intent: order.intent, amount: 800, status: 'succeeded', metadata: { refundId: issued.refundId } })),
      ]);
      expect(await refundEvents(order.orderId)).toBe(1);
      await deliverRefundEmails(order.orderId);
      const sent = await refundEmails(email);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.textBody).toContain('late parcel');
    });

    it('a store refund whose answer was lost is emailed when Stripe reports it (the store never did)', async () => {
      const email = `lost-answer-${Date.now()}@example.com`;
      const order = await paidByCard(email);
      const stripeRefunder = createStripeRefunder();
      const answerLost: PaymentRefunder = {
        async refund(request) {
          await stripeRefunder.refund(request);
          throw new Error('socket hang up');
        },
      };
      await expect(refundOrder(await staffActor(), order.number, { amountCents: 600, currency: 'USD', reason: 'dented' }, { manual: manualRefunder, stripe: answerLost })).rejects.toMatchObject({ code: 'unavailable' });
      expect(await refundEvents(order.orderId)).toBe(0);
      await deliver(chargeRefunded(order.intent, 600));
      await deliver(chargeRefunded(order.intent, 600));
      await deliverRefundEmails(order.orderId);
      expect(await refundEmails(email)).toHaveLength(1);
    });
  });
});
