import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { orderEvents, orders, payments, processedEvents } from '@/db/schema';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/errors';
import { logger } from '@/lib/log';
import { isStripeEnabled } from './providers';
import type { PaymentStart } from './types';
import { getStripe, type StripeEvent, type StripePaymentIntent, stripeWebhooks } from './stripe';

/**
 * Starts payment for a placed order. Manual payments were recorded with the order. For Stripe, a PaymentIntent is
 * sized from the order's server-side total; Stripe's idempotency key makes a retry reuse the same intent.
 */
export async function startPayment(orderId: string, provider: 'manual' | 'stripe', executor: Executor = db): Promise<PaymentStart> {
  if (provider === 'manual') return { provider: 'manual' };
  if (!isStripeEnabled()) throw new AppError('validation_failed', 'Card payments are not available.');
  const [order] = await executor
    .select({ id: orders.id, number: orders.number, totalCents: orders.totalCents, currency: orders.currency })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order) throw new AppError('not_found', 'No such order.');
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

/**
 * Stripe webhook: verify the signature over the raw body, record the event id once (a replay is a no-op), and
 * mark the order paid only when amount and currency match what the order charged. Events may arrive in any
 * order: a failure never downgrades a payment that already succeeded.
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

  return executor.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(processedEvents)
      .values({ provider: 'stripe', eventId: event.id, type: event.type })
      .onConflictDoNothing()
      .returning({ id: processedEvents.id });
    if (!fresh) return { status: 200, body: { received: true, duplicate: true } };

    if (event.type !== 'payment_intent.succeeded' && event.type !== 'payment_intent.payment_failed') {
      return { status: 200, body: { received: true, ignored: true } };
    }
    const intent = event.data.object as StripePaymentIntent;
    const orderId = intent.metadata?.orderId;
    const [order] = orderId
      ? await tx.select({ id: orders.id, totalCents: orders.totalCents, currency: orders.currency }).from(orders).where(eq(orders.id, orderId)).for('update')
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

    if (event.type === 'payment_intent.payment_failed') {
      await tx
        .update(payments)
        .set({ status: 'failed' })
        .where(and(eq(payments.provider, 'stripe'), eq(payments.providerReference, intent.id), ne(payments.status, 'succeeded')));
      await tx.insert(orderEvents).values({ orderId: order.id, type: 'payment_failed', message: 'Card payment failed', data: { eventId: event.id } });
      return { status: 200, body: { received: true } };
    }

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
      .where(and(eq(payments.provider, 'stripe'), eq(payments.providerReference, intent.id)));
    const paid = await tx
      .update(orders)
      .set({ paymentStatus: 'paid', status: 'paid', paidAt: now })
      .where(and(eq(orders.id, order.id), eq(orders.paymentStatus, 'unpaid'), eq(orders.status, 'pending')))
      .returning({ id: orders.id });
    if (paid.length > 0) {
      await tx.insert(orderEvents).values({ orderId: order.id, type: 'paid', message: 'Paid by card', data: { eventId: event.id, paymentIntent: intent.id } });
    }
    return { status: 200, body: { received: true } };
  });
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
