import 'server-only';
import { orderEvents } from '@/db/schema';
import { queueEmail } from '@/lib/email/service';
import { env } from '@/lib/env';
import { logger } from '@/lib/log';
import { formatMoney, money } from '@/lib/money';
import type { OutboxContext } from '@/lib/outbox/worker';
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
    { viaSmtp: ctx.mailer !== null, aggregate: { type: 'order', id: orderId } },
  );
  await executor.insert(orderEvents).values({
    orderId,
    type: 'email',
    message: queued.status === 'stored' ? 'Confirmation email stored (no SMTP configured)' : 'Confirmation email queued',
    data: { emailId: queued.id, status: queued.status },
  });
  logger.info({ orderId, emailStatus: queued.status }, 'order confirmation queued');
}

/**
 * Right after checkout: deliver this order's outbox events now (the confirmation email included) instead of
 * waiting for the worker's next poll. Whatever fails here stays queued and the worker retries it.
 */
export async function deliverOrderPlaced(orderId: string): Promise<void> {
  const { deliverOutboxFor } = await import('@/lib/outbox/worker');
  await deliverOutboxFor({ type: 'order', id: orderId });
}
