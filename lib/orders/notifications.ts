import 'server-only';
import { eq } from 'drizzle-orm';
import { fulfillmentLines, fulfillments, orderEvents, orderLines, orders } from '@/db/schema';
import { queueEmail } from '@/lib/email/service';
import { env } from '@/lib/env';
import { OUTBOX_JOB } from '@/lib/jobs/names';
import { leaveToJob } from '@/lib/jobs/runner';
import { logger } from '@/lib/log';
import { formatMoney, money } from '@/lib/money';
import type { OutboxContext } from '@/lib/outbox/handlers';
import { deliverOutboxFor } from '@/lib/outbox/worker';
import { getOrderById } from './queries';

/**
 * The "order.placed" outbox event: queue the confirmation email (its own `email.send` event, retried by the
 * outbox worker while SMTP is down) and note it on the order. Runs inside the worker's transaction, which holds
 * the event's row lock, so a retry or a second worker never queues it twice.
 */
export async function handleOrderPlaced(orderId: string, ctx: OutboxContext): Promise<void> {
  const executor = ctx.executor;
  const order = await getOrderById(orderId, executor);
  if (!order) return;
  const fmt = (cents: number) => formatMoney(money(cents, order.currency));
  const lines = order.lines.map((line) => `  ${line.quantity} × ${line.productTitle} (${line.variantTitle}) — ${fmt(line.totalCents)}`);
  const text = [
    `Thank you for your order ${order.number}.`,
    '',
    ...lines,
    '',
    `Subtotal: ${fmt(order.subtotalCents)}`,
    order.discountCents > 0 ? `Discount (${order.discountCode}): -${fmt(order.discountCents)}` : null,
    `Shipping (${order.shippingMethod}): ${fmt(order.shippingCents)}`,
    `Tax${order.taxInclusive ? ' (included)' : ''}: ${fmt(order.taxCents)}`,
    `Total: ${fmt(order.totalCents)}`,
    '',
    order.paymentProvider === 'manual' ? 'We will be in touch with payment instructions.' : '',
    `Look up your order at any time: ${new URL('/orders/lookup', env.SITE_URL).toString()}`,
  ]
    .filter((line) => line !== null)
    .join('\n');
  const queued = await queueEmail(
    { to: order.email, subject: `Order confirmation ${order.number}`, template: 'order_confirmation', text },
    executor,
    { aggregate: { type: 'order', id: orderId } },
  );
  await executor.insert(orderEvents).values({
    orderId,
    type: 'email',
    message: queued.status === 'stored' ? 'Confirmation email stored (no SMTP configured)' : 'Confirmation email queued',
    data: { emailId: queued.id, status: queued.status },
  });
  logger.info({ orderId, emailStatus: queued.status }, 'order confirmation queued');
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
  const text = [
    `Good news: items from your order ${shipment.number} are on their way.`,
    '',
    ...items.map((item) => `  ${item.quantity} × ${item.productTitle} (${item.variantTitle})`),
    '',
    `Carrier: ${shipment.carrier}`,
    `Tracking number: ${shipment.trackingNumber}`,
    shipment.trackingUrl ? `Track it: ${shipment.trackingUrl}` : null,
    '',
    `See your order at any time: ${new URL('/orders/lookup', env.SITE_URL).toString()}`,
  ]
    .filter((line) => line !== null)
    .join('\n');
  const queued = await queueEmail(
    { to: shipment.email, subject: `Your order ${shipment.number} has shipped`, template: 'order_shipped', text },
    executor,
    { aggregate: { type: 'fulfillment', id: fulfillmentId } },
  );
  await executor.insert(orderEvents).values({
    orderId: shipment.orderId,
    type: 'email',
    message: queued.status === 'stored' ? 'Shipping email stored (no SMTP configured)' : 'Shipping email queued',
    data: { emailId: queued.id, status: queued.status, fulfillmentId },
  });
  logger.info({ orderId: shipment.orderId, emailStatus: queued.status }, 'shipping email queued');
}

/** Right after a shipment is recorded: deliver its outbox events now; what fails stays queued for the worker. */
export async function deliverOrderShipped(fulfillmentId: string): Promise<void> {
  await deliverOutboxFor({ type: 'fulfillment', id: fulfillmentId });
}
