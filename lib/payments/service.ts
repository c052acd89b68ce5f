import 'server-only';
import { and, eq, ne, or, sql } from 'drizzle-orm';
import { db, type Executor, type Transaction } from '@/db/client';
import { orderEvents, orders, outboxEvents, payments, processedEvents, refunds } from '@/db/schema';
import { recordSystemAudit } from '@/lib/audit/service';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { formatMoney, money } from '@/lib/money';
import { isStripeEnabled } from './providers';
import { refundedOutboxEvent } from './refund-event';
import type { PaymentStart } from './types';
import { getStripe, type StripeEvent, type StripePaymentIntent, type StripeRefund, stripeWebhooks } from './stripe';
import { enqueueWebhookEvent } from '@/lib/webhooks/enqueue';
import { describeRestored, issueGiftCardsForOrder, restoreOrderTenders } from '@/lib/gift-cards/service';

/** What is left to collect: the total less what gift cards and store credit paid at placement. */
const amountDue = sql<number>`${orders.totalCents} - ${orders.giftCardCents} - ${orders.storeCreditCents}`.mapWith(Number);

/**
 * Starts payment for a placed order. Manual payments were recorded with the order. For Stripe, a PaymentIntent is
 * sized from the order's server-side total; Stripe's idempotency key makes a retry reuse the same intent.
 */
export async function startPayment(orderId: string, provider: 'manual' | 'stripe', executor: Executor = db): Promise<PaymentStart> {
  if (provider === 'manual') return { provider: 'manual' };
  if (!isStripeEnabled()) throw new AppError('validation_failed', 'Card payments are not available.');
  const [order] = await executor
    .select({ id: orders.id, number: orders.number, totalCents: amountDue, currency: orders.currency })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order) throw new AppError('not_found', 'No such order.');
  // Gift cards and store credit covered it all: the order was paid at placement, there is nothing to charge.
  if (order.totalCents === 0) return { provider: 'manual' };
  const intent = await getStripe().paymentIntents.create(
    {
      amount: order.totalCents,
      currency: order.currency.toLowerCase(),
      automatic_payment_methods: { enabled: true },
      metadata: { orderId: order.id, orderNumber: order.number },
    },
    { idempotencyKey: `order-${order.id}` },
  );
  await executor
    .insert(payments)
    .values({ orderId: order.id, provider: 'stripe', status: 'pending', amountCents: order.totalCents, currency: order.currency, providerReference: intent.id })
    .onConflictDoNothing();
  return { provider: 'stripe', paymentIntentId: intent.id, clientSecret: intent.client_secret ?? '', publishableKey: env.STRIPE_PUBLISHABLE_KEY ?? '' };
}

/** Store API: the order (by its number, from a replayed answer) whose payment is to be started or resumed. */
export async function startPaymentForOrderNumber(number: string, executor: Executor = db): Promise<PaymentStart> {
  const [order] = await executor.select({ id: orders.id, provider: orders.paymentProvider }).from(orders).where(eq(orders.number, number));
  if (!order) throw new AppError('not_found', 'No such order.');
  return startPayment(order.id, order.provider === 'stripe' ? 'stripe' : 'manual', executor);
}

export type WebhookOutcome = { status: number; body: Record<string, unknown> };

/** Events acted on; any other type is recorded as seen and ignored. */
const HANDLED_EVENTS = new Set([
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'charge.refunded',
  'charge.refund.updated',
  'refund.created',
  'refund.updated',
]);
const REFUND_EVENTS = new Set(['charge.refunded', 'charge.refund.updated', 'refund.created', 'refund.updated']);

/** The PaymentIntent an event is about: the object itself, or the charge's / refund's `payment_intent`. */
function paymentIntentIdOf(event: StripeEvent): string | null {
  const object = event.data.object as { object?: string; id?: string; payment_intent?: string | { id: string } | null };
  if (object.object === 'payment_intent') return typeof object.id === 'string' ? object.id : null;
  const intent = object.payment_intent;
  return typeof intent === 'string' ? intent : (intent?.id ?? null);
}

type StripeTruth = { intent: StripePaymentIntent; refunds: StripeRefund[] | null };

/** What Stripe's API says now; null when Stripe does not know the intent. Throws when Stripe cannot be asked. */
async function askStripe(intentId: string, withRefunds: boolean): Promise<StripeTruth | null> {
  try {
    const stripe = getStripe();
    const intent = await stripe.paymentIntents.retrieve(intentId);
    let refunds: StripeRefund[] | null = null;
    if (withRefunds) {
      refunds = [];
      for await (const refund of stripe.refunds.list({ payment_intent: intentId, limit: 100 })) refunds.push(refund);
    }
    return { intent, refunds };
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    const code = (error as { code?: string }).code;
    if (status === 404 || code === 'resource_missing') return null;
    throw error;
  }
}

/**
 * Stripe webhook. An event is a hint, never the truth (issue 14, finding 8): after the signature is verified and the
 * event id found new, the PaymentIntent (and, for refund events, its refunds) is re-fetched from Stripe's API, and
 * only what the API says is recorded. So a forged or stale "succeeded" event cannot mark an order paid, and the
 * amounts of a refund come from Stripe, not from the payload.
 *
 * - Paid: only when Stripe says the intent succeeded with the order's amount and currency. Events may arrive in any
 *   order: a failure never downgrades a payment that already succeeded, and a cancelled order is not revived.
 * - Refunds: every succeeded refund Stripe lists for the intent is matched to ours — by Stripe's refund id, or by the
 *   `refundId` metadata the store puts on refunds it issues (lib/payments/refunds.ts) — and one the store has not
 *   recorded (made in Stripe's dashboard) is recorded as a staff refund would be, once: a unique index on the
 *   provider reference makes a replay or a second event about the same refund a no-op. Recording it writes the
 *   refund email's outbox event in the same transaction, so the customer hears of it exactly once.
 * - Stripe unreachable: 503 and the event is not marked processed, so Stripe delivers it again.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null, secret: string | undefined, executor: Executor = db): Promise<WebhookOutcome> {
  if (!secret) return { status: 503, body: { error: 'Stripe webhooks are not configured.' } };
  let event: StripeEvent;
  try {
    if (!signature) throw new Error('missing signature');
    event = stripeWebhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return { status: 400, body: { error: 'Invalid signature.' } };
  }

  const intentId = HANDLED_EVENTS.has(event.type) ? paymentIntentIdOf(event) : null;
  let truth: StripeTruth | null = null;
  if (intentId) {
    const [seen] = await executor
      .select({ id: processedEvents.id })
      .from(processedEvents)
      .where(and(eq(processedEvents.provider, 'stripe'), eq(processedEvents.eventId, event.id)));
    if (seen) return { status: 200, body: { received: true, duplicate: true } };
    // Asked before the transaction: no row lock is held across a network call.
    try {
      truth = await askStripe(intentId, REFUND_EVENTS.has(event.type));
    } catch (error) {
      logger.warn({ err: error, eventId: event.id }, 'stripe api unavailable while handling a webhook');
      return { status: 503, body: { error: 'Stripe could not be reached to confirm this event; retry later.' } };
    }
  }

  return executor.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(processedEvents)
      .values({ provider: 'stripe', eventId: event.id, type: event.type })
      .onConflictDoNothing()
      .returning({ id: processedEvents.id });
    if (!fresh) return { status: 200, body: { received: true, duplicate: true } };
    if (!intentId) return { status: 200, body: { received: true, ignored: true } };
    if (!truth) {
      logger.warn({ eventId: event.id }, 'stripe event for a payment intent Stripe does not know');
      return { status: 200, body: { received: true, ignored: true } };
    }
    const intent = truth.intent;

    // The order: the one whose payment row carries this intent, else the one Stripe's copy of the intent names.
    const [known] = await tx
      .select({ orderId: payments.orderId })
      .from(payments)
      .where(and(eq(payments.provider, 'stripe'), eq(payments.providerReference, intent.id)));
    const orderId = known?.orderId ?? intent.metadata?.orderId;
    const [order] = orderId && /^[0-9a-f-]{36}$/i.test(orderId)
      ? await tx
          .select({ id: orders.id, totalCents: amountDue, currency: orders.currency, paymentStatus: orders.paymentStatus, refundedCents: orders.refundedCents })
          .from(orders)
          .where(eq(orders.id, orderId))
          .for('update')
      : [];
    if (!order) {
      logger.warn({ eventId: event.id }, 'stripe event for an unknown order');
      return { status: 200, body: { received: true, ignored: true } };
    }
    // The event may beat the payment row written after the intent was created: create it here if so.
    await tx
      .insert(payments)
      .values({ orderId: order.id, provider: 'stripe', status: 'pending', amountCents: order.totalCents, currency: order.currency, providerReference: intent.id })
      .onConflictDoNothing();

    if (intent.status === 'succeeded') {
      const received = intent.amount_received ?? intent.amount;
      if (received !== order.totalCents || intent.currency.toUpperCase() !== order.currency) {
        await tx.insert(orderEvents).values({
          orderId: order.id,
          type: 'payment_mismatch',
          message: 'Payment amount or currency does not match the order; not marked paid',
          data: { eventId: event.id, amount: received, currency: intent.currency },
        });
        logger.warn({ eventId: event.id, orderId: order.id }, 'stripe payment amount mismatch');
        return { status: 200, body: { received: true, mismatch: true } };
      }
      const now = new Date();
      await tx
        .update(payments)
        .set({ status: 'succeeded', capturedAt: now })
        .where(and(eq(payments.provider, 'stripe'), eq(payments.providerReference, intent.id), ne(payments.status, 'succeeded')));
      const paid = await tx
        .update(orders)
        .set({ paymentStatus: 'paid', status: 'paid', paidAt: now })
        .where(and(eq(orders.id, order.id), eq(orders.paymentStatus, 'unpaid'), eq(orders.status, 'pending')))
        .returning({ id: orders.id });
      if (paid.length > 0) {
        await tx.insert(orderEvents).values({ orderId: order.id, type: 'paid', message: 'Paid by card', data: { eventId: event.id, paymentIntent: intent.id } });
        await enqueueWebhookEvent(tx, 'order.paid', { kind: 'order', id: order.id });
        // Gift cards bought in this order are issued and mailed now that it is paid.
        await issueGiftCardsForOrder(tx, order.id);
      }
    } else if (event.type === 'payment_intent.payment_failed' && (intent.status === 'requires_payment_method' || intent.status === 'canceled')) {
      await tx
        .update(payments)
        .set({ status: 'failed' })
        .where(and(eq(payments.provider, 'stripe'), eq(payments.providerReference, intent.id), ne(payments.status, 'succeeded')));
      await tx.insert(orderEvents).values({ orderId: order.id, type: 'payment_failed', message: 'Card payment failed', data: { eventId: event.id } });
      return { status: 200, body: { received: true } };
    } else if (event.type === 'payment_intent.succeeded') {
      // The event says paid; Stripe does not (forged, or a stale replay): nothing changes.
      logger.warn({ eventId: event.id, orderId: order.id, stripeStatus: intent.status }, 'stripe event contradicts the api; ignored');
      return { status: 200, body: { received: true, ignored: true } };
    }

    if (truth.refunds) await reconcileRefunds(tx, order, intent.id, truth.refunds, event.id);
    return { status: 200, body: { received: true } };
  });
}

/** Records the refunds Stripe lists for an intent that the store has not (see handleStripeWebhook). Order row locked. */
async function reconcileRefunds(
  tx: Transaction,
  order: { id: string; currency: string; paymentStatus: string; refundedCents: number },
  intentId: string,
  stripeRefunds: StripeRefund[],
  eventId: string,
): Promise<void> {
  const [payment] = await tx
    .select({ id: payments.id, status: payments.status, amountCents: payments.amountCents, refundedCents: payments.refundedCents, currency: payments.currency })
    .from(payments)
    .where(and(eq(payments.provider, 'stripe'), eq(payments.providerReference, intentId)))
    .for('update');
  if (!payment || payment.status !== 'succeeded') return;
  const fmt = (cents: number) => formatMoney(money(cents, order.currency));
  let refundedCents = order.refundedCents;
  let paymentStatus = order.paymentStatus;

  // Oldest first, so a partial-then-full pair reads in the timeline in the order it happened.
  for (const refund of [...stripeRefunds].sort((a, b) => a.created - b.created)) {
    if (refund.status !== 'succeeded' || refund.amount <= 0) continue;
    if (refund.currency.toUpperCase() !== payment.currency) {
      logger.warn({ eventId, refund: refund.id }, 'stripe refund in another currency; not recorded');
      continue;
    }
    // A refund the store issued carries our refund row id in its metadata (and, once settled, its Stripe id).
    const ours = refund.metadata?.refundId;
    const [existing] = await tx
      .select({ id: refunds.id, status: refunds.status, amountCents: refunds.amountCents })
      .from(refunds)
      .where(
        and(
          eq(refunds.paymentId, payment.id),
          ours && /^[0-9a-f-]{36}$/i.test(ours) ? or(eq(refunds.providerReference, refund.id), eq(refunds.id, ours)) : eq(refunds.providerReference, refund.id),
        ),
      )
      .limit(1);
    if (existing && existing.status !== 'failed') continue; // recorded already, or reserved and being settled by the store
    let refundId: string;
    if (existing) {
      // The store gave up on it (its call to Stripe errored) but Stripe did refund: count it after all.
      await tx.update(refunds).set({ status: 'succeeded', providerReference: refund.id }).where(eq(refunds.id, existing.id));
      refundId = existing.id;
    } else {
      const [inserted] = await tx
        .insert(refunds)
        .values({ orderId: order.id, paymentId: payment.id, amountCents: refund.amount, currency: payment.currency, reason: 'Refunded at Stripe', status: 'succeeded', providerReference: refund.id, actorId: null })
        .onConflictDoNothing()
        .returning({ id: refunds.id });
      if (!inserted) continue;
      refundId = inserted.id;
    }
    const raised = await tx
      .update(payments)
      .set({ refundedCents: sql`${payments.refundedCents} + ${refund.amount}` })
      .where(and(eq(payments.id, payment.id), sql`${payments.refundedCents} + ${refund.amount} <= ${payments.amountCents}`))
      .returning({ refundedCents: payments.refundedCents, amountCents: payments.amountCents });
    if (raised.length === 0) {
      // More than the store thinks is left: a person must look. Keep nothing half-recorded.
      if (existing) await tx.update(refunds).set({ status: 'failed', providerReference: null }).where(eq(refunds.id, existing.id));
      else await tx.delete(refunds).where(eq(refunds.id, refundId));
      await tx.insert(orderEvents).values({ orderId: order.id, type: 'refund_unreconciled', message: `Stripe reports a refund of ${fmt(refund.amount)} that exceeds what is left to refund; not recorded`, data: { eventId, providerReference: refund.id } });
      logger.error({ eventId, orderId: order.id, refund: refund.id }, 'stripe refund exceeds the refundable amount');
      continue;
    }
    const before = { paymentStatus, refundedCents };
    paymentStatus = raised[0]!.refundedCents >= raised[0]!.amountCents ? 'refunded' : 'partially_refunded';
    refundedCents += refund.amount;
    await tx
      .update(orders)
      .set({ refundedCents: sql`${orders.refundedCents} + ${refund.amount}`, paymentStatus: paymentStatus as 'refunded' | 'partially_refunded' })
      .where(eq(orders.id, order.id));
    await tx.insert(orderEvents).values({
      orderId: order.id,
      type: 'refunded',
      message: existing ? `Card refund of ${fmt(refund.amount)} went through at Stripe after all` : `Refunded ${fmt(refund.amount)} at Stripe (outside the store)`,
      data: { eventId, refundId, providerReference: refund.id, amountCents: refund.amount },
    });
    // The customer's refund email, once: this refund row is settled here and nowhere else (a refund the store issued
    // and settled itself was skipped above, and sent its own email).
    await tx.insert(outboxEvents).values(refundedOutboxEvent(refundId, order.id));
    await enqueueWebhookEvent(tx, 'order.refunded', { kind: 'order', id: order.id });
    if (paymentStatus === 'refunded') await giveBackTenders(tx, order.id, order.currency);
    await recordSystemAudit(tx, 'stripe-webhook', {
      action: existing ? 'order.refund_settled' : 'order.refund_external',
      entityType: 'order',
      entityId: order.id,
      before,
      after: { paymentStatus, refundedCents, amountCents: refund.amount, refundId, providerReference: refund.id, eventId },
    });
  }
}

/** For the confirmation page: the client secret of an unpaid order's PaymentIntent, so the buyer can pay. */
export async function getStripeClientSecret(orderId: string, executor: Executor = db): Promise<string | null> {
  if (!isStripeEnabled()) return null;
  const [payment] = await executor
    .select({ reference: payments.providerReference })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(and(eq(payments.orderId, orderId), eq(payments.provider, 'stripe'), eq(orders.paymentStatus, 'unpaid'), ne(payments.status, 'succeeded')));
  if (!payment?.reference) return null;
  const intent = await getStripe().paymentIntents.retrieve(payment.reference);
  return intent.status === 'succeeded' ? null : intent.client_secret;
}

/** A refund in full gives back what gift cards and store credit paid (once: see restoreOrderTenders). */
async function giveBackTenders(tx: Transaction, orderId: string, currency: string): Promise<void> {
  const restored = await restoreOrderTenders(tx, orderId, null, 'Order refunded');
  const summary = describeRestored(restored, currency);
  if (summary) await tx.insert(orderEvents).values({ orderId, type: 'tenders_restored', message: `Refunded in full: ${summary}`, data: { ...restored } });
}
