import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { fulfillmentLines, fulfillments, orderEvents, orderLines, orders, outboxEvents } from '@/db/schema';
import { sendEmail } from '@/lib/email/service';
import { env } from '@/lib/env';
import { logger } from '@/lib/log';
import { formatMoney, money } from '@/lib/money';
import { getOrderById } from './queries';

/**
 * Delivers the "order.placed" outbox event for one order: the confirmation email. Claiming the event with a
 * conditional update means a retry or a second worker never sends it twice.
 */
export async function deliverOrderPlaced(orderId: string, executor: Executor = db): Promise<void> {
  const claimed = await executor
    .update(outboxEvents)
    .set({ processedAt: new Date(), attempts: 1 })
    .where(
      and(
        eq(outboxEvents.aggregateType, 'order'),
        eq(outboxEvents.aggregateId, orderId),
        eq(outboxEvents.type, 'order.placed'),
        isNull(outboxEvents.processedAt),
      ),
    )
    .returning({ id: outboxEvents.id });
  if (claimed.length === 0) return;
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
  const result = await sendEmail({ to: order.email, subject: `Order confirmation ${order.number}`, template: 'order_confirmation', text }, executor);
  await executor.insert(orderEvents).values({
    orderId,
    type: 'email',
    message: result.status === 'failed' ? 'Confirmation email failed' : 'Confirmation email sent',
    data: { emailId: result.id, status: result.status },
  });
  logger.info({ orderId, emailStatus: result.status }, 'order confirmation handled');
}

/**
 * Delivers the "order.shipped" outbox event of one shipment: the email with carrier and tracking. Claimed with a
 * conditional update like the confirmation, so a retry never sends it twice.
 */
export async function deliverOrderShipped(fulfillmentId: string, executor: Executor = db): Promise<void> {
  const claimed = await executor
    .update(outboxEvents)
    .set({ processedAt: new Date(), attempts: 1 })
    .where(
      and(
        eq(outboxEvents.aggregateType, 'fulfillment'),
        eq(outboxEvents.aggregateId, fulfillmentId),
        eq(outboxEvents.type, 'order.shipped'),
        isNull(outboxEvents.processedAt),
      ),
    )
    .returning({ id: outboxEvents.id });
  if (claimed.length === 0) return;
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
  const result = await sendEmail({ to: shipment.email, subject: `Your order ${shipment.number} has shipped`, template: 'order_shipped', text }, executor);
  await executor.insert(orderEvents).values({
    orderId: shipment.orderId,
    type: 'email',
    message: result.status === 'failed' ? 'Shipping email failed' : 'Shipping email sent',
    data: { emailId: result.id, status: result.status, fulfillmentId },
  });
  logger.info({ orderId: shipment.orderId, emailStatus: result.status }, 'shipping email handled');
}
