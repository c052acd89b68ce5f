import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { emailMessages, fulfillments, orderLines, orders } from '@/db/schema';
import { fulfilmentLabel } from '@/lib/admin/orders/state-machine';
import { normaliseEmail } from '@/lib/auth/email';
import type { OrderDetail, OrderSummary } from './types';

// Order reads for shoppers. Ownership is always part of the WHERE clause: someone else's order is "not found".

export const ORDER_NUMBER_PATTERN = /^SF-[0-9A-HJKMNP-TV-Z]{8}$/;

async function orderDetail(executor: Executor, where: SQL): Promise<OrderDetail | null> {
  const [order] = await executor
    .select({
      id: orders.id,
      number: orders.number,
      email: orders.email,
      status: orders.status,
      paymentStatus: orders.paymentStatus,
      paymentProvider: orders.paymentProvider,
      currency: orders.currency,
      subtotalCents: orders.subtotalCents,
      discountCents: orders.discountCents,
      discountCode: orders.discountCode,
      shippingCents: orders.shippingCents,
      shippingMethod: orders.shippingMethod,
      taxCents: orders.taxCents,
      taxInclusive: orders.taxInclusive,
      totalCents: orders.totalCents,
      placedAt: orders.placedAt,
      shippingAddress: orders.shippingAddress,
    })
    .from(orders)
    .where(where);
  if (!order) return null;
  const lines = await executor
    .select({
      productTitle: orderLines.productTitle,
      variantTitle: orderLines.variantTitle,
      sku: orderLines.sku,
      unitPriceCents: orderLines.unitPriceCents,
      quantity: orderLines.quantity,
      totalCents: orderLines.totalCents,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.createdAt), asc(orderLines.id));
  const shipments = await executor
    .select({
      carrier: fulfillments.carrier,
      trackingNumber: fulfillments.trackingNumber,
      trackingUrl: fulfillments.trackingUrl,
      status: fulfillments.status,
      shippedAt: fulfillments.shippedAt,
      deliveredAt: fulfillments.deliveredAt,
      units: sql<number>`(select coalesce(sum(fl.quantity), 0)::int from fulfillment_lines fl where fl.fulfillment_id = "fulfillments"."id")`,
    })
    .from(fulfillments)
    .where(eq(fulfillments.orderId, order.id))
    .orderBy(asc(fulfillments.shippedAt));
  const shippedUnits = shipments.reduce((sum, shipment) => sum + Number(shipment.units), 0);
  const orderedUnits = lines.reduce((sum, line) => sum + line.quantity, 0);
  const [email] = await executor
    .select({ status: emailMessages.status })
    .from(emailMessages)
    .where(and(eq(emailMessages.template, 'order_confirmation'), eq(emailMessages.toAddress, order.email), sql`${emailMessages.subject} like ${`%${order.number}%`}`))
    .orderBy(desc(emailMessages.createdAt))
    .limit(1);
  const { id: _id, placedAt, ...rest } = order;
  return {
    ...rest,
    placedAt: placedAt.toISOString(),
    lines,
    fulfilment: fulfilmentLabel({ status: order.status, shippedUnits, orderedUnits }),
    shipments: shipments.map(({ units: _units, shippedAt, deliveredAt, ...shipment }) => ({
      ...shipment,
      shippedAt: shippedAt.toISOString(),
      deliveredAt: deliveredAt?.toISOString() ?? null,
    })),
    confirmationEmail: email?.status ?? 'none',
  };
}

export async function getOrderForUser(userId: string, number: string, executor: Executor = db): Promise<OrderDetail | null> {
  if (!ORDER_NUMBER_PATTERN.test(number)) return null;
  return orderDetail(executor, and(eq(orders.number, number), eq(orders.userId, userId))!);
}

/** Guest lookup: the number alone is not enough, the email must match too. */
export async function getOrderByNumberAndEmail(number: string, email: string, executor: Executor = db): Promise<OrderDetail | null> {
  const normalised = number.trim().toUpperCase();
  if (!ORDER_NUMBER_PATTERN.test(normalised)) return null;
  const address = normaliseEmail(email);
  // Erased customers' orders carry a placeholder under the reserved ".invalid" TLD (lib/customers/privacy.ts):
  // knowing the placeholder must not open them.
  if (address.endsWith('.invalid')) return null;
  return orderDetail(executor, and(eq(orders.number, normalised), eq(orders.email, address))!);
}

/** For the confirmation page, after the caller proved it placed this order (signed receipt cookie). */
export async function getOrderById(orderId: string, executor: Executor = db): Promise<OrderDetail | null> {
  return orderDetail(executor, eq(orders.id, orderId));
}

export async function listOrdersForUser(userId: string, executor: Executor = db): Promise<OrderSummary[]> {
  const rows = await executor
    .select({
      number: orders.number,
      status: orders.status,
      paymentStatus: orders.paymentStatus,
      totalCents: orders.totalCents,
      currency: orders.currency,
      placedAt: orders.placedAt,
      itemCount: sql<number>`(select coalesce(sum(${orderLines.quantity}), 0)::int from ${orderLines} where ${orderLines.orderId} = ${orders.id})`,
    })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.placedAt))
    .limit(100);
  return rows.map((row) => ({ ...row, placedAt: row.placedAt.toISOString(), itemCount: Number(row.itemCount) }));
}
