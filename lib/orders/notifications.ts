import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { orderEvents, outboxEvents } from '@/db/schema';
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
