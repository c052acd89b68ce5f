import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { fulfillmentLines, fulfillments, orderEvents, orderLines, orders, refunds, type AddressSnapshot } from '@/db/schema';
import { siteLink } from '@/lib/email/brand';
import { composeEmail } from '@/lib/email/compose';
import { emailTranslator } from '@/lib/email/language';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/config';
import type { RenderedEmail } from '@/lib/email/render';
import { addressed, type QueuedEmail, queueEmail } from '@/lib/email/service';
import { type AuditActor, recordAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { claimOnce, completeOnce } from '@/lib/http/idempotency';
import { countryName } from '@/lib/checkout/regions';
import { mediaUrl } from '@/lib/storage';
import { getStoreInfo } from '@/lib/store/settings';
import { OUTBOX_JOB } from '@/lib/jobs/names';
import { leaveToJob } from '@/lib/jobs/runner';
import { logger } from '@/lib/log';
import type { OutboxContext } from '@/lib/outbox/handlers';
import { deliverOutboxFor } from '@/lib/outbox/worker';
import { getOrderById } from './queries';
import type { OrderDetail } from './types';


function emailAddress(address: AddressSnapshot) {
  return {
    name: address.name,
    lines: [
      address.company,
      [address.line1, address.line2].filter(Boolean).join(', '),
      [address.city, address.region, address.postalCode].filter(Boolean).join(' '),
      countryName(address.countryCode),
    ].filter((line): line is string => Boolean(line)),
  };
}

/**
 * Queues one of an order's messages (its own `email.send` event, retried while SMTP is down) and notes it on the
 * order's timeline, in the caller's transaction (the outbox worker's, which holds the causing event's lock).
 */
async function queueOrderEmail(
  executor: Executor,
  input: { orderId: string; to: string; email: RenderedEmail; what: string; aggregate: { type: string; id: string }; data?: Record<string, unknown> },
): Promise<QueuedEmail> {
  const queued = await queueEmail(addressed(input.to, input.email), executor, { aggregate: input.aggregate });
  await executor.insert(orderEvents).values({
    orderId: input.orderId,
    type: 'email',
    message: queued.status === 'stored' ? `${input.what} email stored (no SMTP configured)` : `${input.what} email queued`,
    data: { emailId: queued.id, status: queued.status, ...input.data },
  });
  return queued;
}

/**
 * The "order.placed" outbox event: queue the confirmation email (its own `email.send` event, retried by the
 * outbox worker while SMTP is down) and, for a manual payment not yet received, the payment instructions as a
 * message of their own; each is noted on the order. Runs inside the worker's transaction, which holds the event's
 * row lock, so a retry or a second worker never queues either twice (both commit with the event, or neither).
 */
export async function handleOrderPlaced(orderId: string, ctx: OutboxContext): Promise<void> {
  const executor = ctx.executor;
  const order = await getOrderById(orderId, executor);
  if (!order) return;
  const store = await getStoreInfo(executor);
  const awaitingManualPayment = order.paymentProvider === 'manual' && order.paymentStatus === 'unpaid';
  const locale = await orderLocale(orderId, executor);
  const email = await composeConfirmation(orderId, order, awaitingManualPayment, executor);
  const queued = await queueOrderEmail(executor, { orderId, to: order.email, email, what: 'Confirmation', aggregate: { type: 'order', id: orderId } });
  logger.info({ orderId, emailStatus: queued.status }, 'order confirmation queued');
  if (!awaitingManualPayment) return;
  const instructions = await composeEmail(
    'order_payment_instructions',
    {
      number: order.number,
      currency: order.currency,
      totalCents: order.totalCents,
      // Said when the merchant has not written payment instructions yet (settings).
      instructions: store.paymentInstructions ?? emailTranslator(locale)('defaultInstructions'),
      orderUrl: siteLink('/orders/lookup'),
      locale,
    },
    executor,
  );
  await queueOrderEmail(executor, { orderId, to: order.email, email: instructions, what: 'Payment instructions', aggregate: { type: 'order', id: orderId } });
}

/** The language the order was placed in: its emails are written in it. */
async function orderLocale(orderId: string, executor: Executor): Promise<Locale> {
  const [row] = await executor.select({ locale: orders.locale }).from(orders).where(eq(orders.id, orderId));
  return row?.locale ?? DEFAULT_LOCALE;
}

/** The order confirmation as the order stands now (the same message at placement and when staff resend it). */
async function composeConfirmation(orderId: string, order: OrderDetail, awaitingManualPayment: boolean, executor: Executor): Promise<RenderedEmail> {
  const locale = await orderLocale(orderId, executor);
  const lineImages = await executor.select({ imageKey: orderLines.imageKey }).from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.createdAt), asc(orderLines.id));
  return composeEmail(
    'order_confirmation',
    {
      number: order.number,
      currency: order.currency,
      placedAt: order.placedAt,
      lines: order.lines.map((line, index) => ({
        title: line.productTitle,
        variant: line.variantTitle,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        imageUrl: lineImages[index]?.imageKey ? siteLink(mediaUrl(lineImages[index].imageKey)) : null,
      })),
      subtotalCents: order.subtotalCents,
      discountCents: order.discountCents,
      discountCode: order.discountCode,
      promotions: order.promotions.map((promotion) => ({ title: promotion.title, amountCents: promotion.amountCents })),
      shippingCents: order.shippingCents,
      shippingMethod: order.shippingMethod,
      taxCents: order.taxCents,
      taxInclusive: order.taxInclusive,
      totalCents: order.totalCents,
      shippingAddress: emailAddress(order.shippingAddress),
      orderUrl: siteLink('/orders/lookup'),
      awaitingManualPayment,
      locale,
    },
    executor,
  );
}

/** How long a resend answers a repeat of itself (a double-click, a second tab) instead of sending another copy. */
export const CONFIRMATION_RESEND_WINDOW_MS = 15_000;

export type ConfirmationResend = { emailId: string; status: 'pending' | 'stored'; repeated: boolean };

/**
 * Staff's "Resend confirmation email": the confirmation as the order stands now, queued, noted on the timeline and
 * audited in one transaction. A repeat within CONFIRMATION_RESEND_WINDOW_MS (a double-click, two requests at once)
 * sends nothing more and answers with the first copy: the claim is a unique key taken in this transaction
 * (lib/http/idempotency.ts claimOnce). Delivered at once after commit (the outbox retries while SMTP is down).
 */
export async function resendOrderConfirmation(actor: AuditActor, number: string): Promise<ConfirmationResend> {
  let orderId = '';
  const result = await db.transaction(async (tx): Promise<ConfirmationResend> => {
    const [row] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.number, number));
    if (!row) throw new AppError('not_found', 'No such order.');
    orderId = row.id;
    const claim = await claimOnce<QueuedEmail>(tx, 'order.confirmation.resend', row.id, CONFIRMATION_RESEND_WINDOW_MS);
    if (!claim.claimed) {
      if (!claim.answer) throw new AppError('conflict', 'The confirmation is being resent already.');
      return { emailId: claim.answer.id, status: claim.answer.status, repeated: true };
    }
    const order = await getOrderById(row.id, tx);
    if (!order) throw new AppError('not_found', 'No such order.');
    const email = await composeConfirmation(row.id, order, order.paymentProvider === 'manual' && order.paymentStatus === 'unpaid', tx);
    const queued = await queueEmail(addressed(order.email, email), tx, { aggregate: { type: 'order', id: row.id } });
    await tx.insert(orderEvents).values({
      orderId: row.id,
      type: 'email',
      message: queued.status === 'stored' ? 'Confirmation email resent (stored: no SMTP configured)' : 'Confirmation email resent',
      data: { emailId: queued.id, status: queued.status, resent: true },
      actorId: actor.user.id,
    });
    await recordAudit(tx, actor, { action: 'order.confirmation_resend', entityType: 'order', entityId: row.id, after: { number: order.number, messageId: queued.id } });
    await completeOnce(tx, claim.id, queued);
    return { emailId: queued.id, status: queued.status, repeated: false };
  });
  if (!result.repeated && result.status === 'pending') {
    await deliverOrderEmails({ type: 'order', id: orderId }).catch((error: unknown) => logger.error({ err: error }, 'confirmation resend delivery failed; the outbox worker will retry'));
  }
  return result;
}

/** Delivers this order's outbox events now (the confirmation email included). Whatever fails stays queued. */
export async function deliverOrderPlaced(orderId: string): Promise<void> {
  await deliverOutboxFor({ type: 'order', id: orderId });
}

/**
 * Right after checkout, without the buyer waiting: the in-process outbox job is asked to run now instead of at its
 * next poll (5 s), which delivers one event at a time. While the server is busy (a rush of orders) it is not asked:
 * the emails then go out with the job's regular runs and right after the rush, instead of competing with the orders
 * for the database and the CPU. An instance that runs no background jobs delivers this order's events itself,
 * detached from the request.
 */
export function scheduleOrderPlacedDelivery(orderId: string): void {
  if (leaveToJob(OUTBOX_JOB)) return;
  deliverOrderPlaced(orderId).catch((error: unknown) => logger.error({ err: error, orderId }, 'confirmation delivery failed; the outbox worker will retry'));
}

/**
 * The "order.shipped" outbox event of one shipment: queue the email with carrier and tracking and note it on the
 * order. Like handleOrderPlaced it runs under the worker's lock on the event, so a retry never queues it twice.
 */
export async function handleOrderShipped(fulfillmentId: string, ctx: OutboxContext): Promise<void> {
  const executor = ctx.executor;
  const [shipment] = await executor
    .select({
      orderId: orders.id,
      number: orders.number,
      email: orders.email,
      carrier: fulfillments.carrier,
      trackingNumber: fulfillments.trackingNumber,
      trackingUrl: fulfillments.trackingUrl,
    })
    .from(fulfillments)
    .innerJoin(orders, eq(orders.id, fulfillments.orderId))
    .where(eq(fulfillments.id, fulfillmentId));
  if (!shipment) return;
  const items = await executor
    .select({ quantity: fulfillmentLines.quantity, productTitle: orderLines.productTitle, variantTitle: orderLines.variantTitle })
    .from(fulfillmentLines)
    .innerJoin(orderLines, eq(orderLines.id, fulfillmentLines.orderLineId))
    .where(eq(fulfillmentLines.fulfillmentId, fulfillmentId));
  const email = await composeEmail(
    'order_shipped',
    {
      number: shipment.number,
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      trackingUrl: shipment.trackingUrl,
      items: items.map((item) => ({ title: `${item.productTitle} (${item.variantTitle})`, quantity: item.quantity })),
      orderUrl: siteLink('/orders/lookup'),
    },
    executor,
  );
  const queued = await queueOrderEmail(executor, { orderId: shipment.orderId, to: shipment.email, email, what: 'Shipping', aggregate: { type: 'fulfillment', id: fulfillmentId }, data: { fulfillmentId } });
  logger.info({ orderId: shipment.orderId, emailStatus: queued.status }, 'shipping email queued');
}

/** Right after a shipment is recorded: deliver its outbox events now; what fails stays queued for the worker. */
export async function deliverOrderShipped(fulfillmentId: string): Promise<void> {
  await deliverOutboxFor({ type: 'fulfillment', id: fulfillmentId });
}

/** The "order.delivered" outbox event: the delivered email, noted on the order. */
export async function handleOrderDelivered(orderId: string, ctx: OutboxContext): Promise<void> {
  const executor = ctx.executor;
  const [order] = await executor.select({ number: orders.number, email: orders.email }).from(orders).where(eq(orders.id, orderId));
  if (!order) return;
  const email = await composeEmail('order_delivered', { number: order.number, orderUrl: siteLink('/orders/lookup'), returnsUrl: siteLink('/pages/shipping-returns') }, executor);
  await queueOrderEmail(executor, { orderId, to: order.email, email, what: 'Delivery', aggregate: { type: 'order', id: orderId } });
}

/** The "order.refunded" outbox event of one settled refund: the refund email, noted on the order. */
export async function handleOrderRefunded(refundId: string, ctx: OutboxContext): Promise<void> {
  const executor = ctx.executor;
  const [refund] = await executor
    .select({
      orderId: orders.id,
      number: orders.number,
      email: orders.email,
      currency: refunds.currency,
      amountCents: refunds.amountCents,
      reason: refunds.reason,
      provider: orders.paymentProvider,
      refundedTotalCents: orders.refundedCents,
      orderTotalCents: orders.totalCents,
    })
    .from(refunds)
    .innerJoin(orders, eq(orders.id, refunds.orderId))
    .where(eq(refunds.id, refundId));
  if (!refund) return;
  const email = await composeEmail(
    'order_refunded',
    {
      number: refund.number,
      currency: refund.currency,
      amountCents: refund.amountCents,
      refundedTotalCents: refund.refundedTotalCents,
      orderTotalCents: refund.orderTotalCents,
      reason: refund.reason || null,
      toCard: refund.provider === 'stripe',
      orderUrl: siteLink('/orders/lookup'),
    },
    executor,
  );
  await queueOrderEmail(executor, { orderId: refund.orderId, to: refund.email, email, what: 'Refund', aggregate: { type: 'refund', id: refundId }, data: { refundId } });
}

/** Right after a staff move (delivered, refunded): deliver what it queued now; what fails stays for the worker. */
export async function deliverOrderEmails(aggregate: { type: 'order' | 'refund'; id: string }): Promise<void> {
  await deliverOutboxFor(aggregate);
}
