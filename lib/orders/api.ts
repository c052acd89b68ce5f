import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '@/db/client';
import { orders } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { type CursorPage, decodeCursor, pageOf } from '@/lib/pagination';
import { getStaffOrder } from './queries';
import { ORDER_TRANSITIONS } from './state-machine';
import { addressSnapshotSchema, orderDetailSchema, orderLineSchema, orderStatusSchema, paymentStatusSchema } from './types';

// The order as the Admin API (and the order.* webhooks) present it: the staff view, less the panel's timeline.

const cents = (what: string) => z.number().int().min(0).describe(`${what}, in minor units`);

export const adminOrderSchema = orderDetailSchema.omit({ lines: true }).extend({
  id: z.uuid(),
  customerName: z.string().nullable(),
  customerNote: z.string().nullable(),
  refundedCents: cents('Refunded so far'),
  refundableCents: cents('Captured minus refunded: the most a refund may be now'),
  billingAddress: addressSnapshotSchema.nullable(),
  lines: z.array(
    orderLineSchema.extend({
      id: z.uuid(),
      shippedQuantity: z.number().int().min(0),
      discountCents: cents("The line's share of the discount"),
      taxCents: cents("The line's tax"),
    }),
  ),
  payments: z.array(
    z.object({
      provider: z.string(),
      status: z.string(),
      amountCents: cents('Amount'),
      refundedCents: cents('Refunded'),
      reference: z.string().nullable(),
      capturedAt: z.iso.datetime().nullable(),
    }),
  ),
  refunds: z.array(z.object({ amountCents: cents('Amount'), status: z.string(), reason: z.string(), createdAt: z.iso.datetime() })),
  transitions: z.array(z.enum(ORDER_TRANSITIONS)).describe('The moves the order allows now'),
});
export type AdminOrder = z.infer<typeof adminOrderSchema>;

export async function getAdminOrder(number: string, executor: Executor = db): Promise<AdminOrder | null> {
  const [row] = await executor.select({ id: orders.id }).from(orders).where(eq(orders.number, number.toUpperCase()));
  if (!row) return null;
  const order = await getStaffOrder(number, executor);
  if (!order) return null;
  const { timeline: _timeline, ...rest } = order;
  return { ...rest, id: row.id };
}

export async function getAdminOrderOrThrow(number: string, executor: Executor = db): Promise<AdminOrder> {
  const order = await getAdminOrder(number, executor);
  if (!order) throw new AppError('not_found', 'No order with this number.');
  return order;
}

export async function getAdminOrderById(id: string, executor: Executor = db): Promise<AdminOrder | null> {
  const [row] = await executor.select({ number: orders.number }).from(orders).where(eq(orders.id, id));
  return row ? getAdminOrder(row.number, executor) : null;
}

export const adminOrderFilterSchema = z.object({
  status: orderStatusSchema.optional(),
  paymentStatus: paymentStatusSchema.optional(),
  email: z.string().trim().toLowerCase().max(320).optional(),
  placedFrom: z.iso.datetime().optional().describe('Placed at or after (ISO 8601)'),
  placedTo: z.iso.datetime().optional().describe('Placed before (ISO 8601)'),
});
export type AdminOrderFilter = z.infer<typeof adminOrderFilterSchema>;

const placedKey = sql`date_trunc('milliseconds', ${orders.placedAt})`;

/** Newest first, by placement time to the millisecond (what a cursor carries), then id. */
export async function listAdminOrdersPage(query: AdminOrderFilter & { limit: number; cursor?: string }, executor: Executor = db): Promise<CursorPage<AdminOrder>> {
  const after = decodeCursor(query.cursor);
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(orders.status, query.status));
  if (query.paymentStatus) conditions.push(eq(orders.paymentStatus, query.paymentStatus));
  if (query.email) conditions.push(sql`lower(${orders.email}) = ${query.email}`);
  if (query.placedFrom) conditions.push(sql`${orders.placedAt} >= ${query.placedFrom}::timestamptz`);
  if (query.placedTo) conditions.push(sql`${orders.placedAt} < ${query.placedTo}::timestamptz`);
  if (after) conditions.push(sql`(${placedKey}, ${orders.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`);
  const rows = await executor
    .select({ id: orders.id, number: orders.number, placedAt: orders.placedAt })
    .from(orders)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(placedKey), desc(orders.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (row) => ({ at: row.placedAt, id: row.id }));
  return { data: await Promise.all(page.data.map((row) => getAdminOrderOrThrow(row.number, executor))), nextCursor: page.nextCursor };
}
