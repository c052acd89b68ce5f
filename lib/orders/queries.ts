import 'server-only';
import { and, asc, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { emailMessages, fulfillmentLines, fulfillments, orderEvents, orderLines, orderPromotions, orders, payments, refunds, users } from '@/db/schema';
import { normaliseEmail } from '@/lib/auth/email';
import { ORDER_NOTE_EVENT, ORDER_NUMBER_PATTERN, ORDERS_PAGE_SIZE, type OrderListQuery, orderSortDirection } from './schemas';
import { fulfilmentLabel, legalTransitions, type OrderMachineState } from './state-machine';
import type { OrderDetail, OrderSummary, StaffOrderDetail, StaffOrderPage } from './types';

// Order reads: one read model for customers and staff (the staff view extends the customer's). Customer reads carry
// ownership in the WHERE clause, so someone else's order is "not found". Never cached: an order must show a move the
// moment it is made.

export { ORDER_NUMBER_PATTERN } from './schemas';

/** What both views are built from: the order, its lines with what shipped, and its shipments with their items. */
async function readOrder(executor: Executor, where: SQL) {
  const [order] = await executor
    .select({
      id: orders.id,
      number: orders.number,
      email: orders.email,
      customerName: users.name,
      customerNote: orders.customerNote,
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
      refundedCents: orders.refundedCents,
      placedAt: orders.placedAt,
      shippingAddress: orders.shippingAddress,
      billingAddress: orders.billingAddress,
    })
    .from(orders)
    .leftJoin(users, eq(users.id, orders.userId))
    .where(where);
  if (!order) return null;
  const [lines, shipments, shippedItems, [email], promotions] = await Promise.all([
    executor
      .select({
        id: orderLines.id,
        productTitle: orderLines.productTitle,
        variantTitle: orderLines.variantTitle,
        sku: orderLines.sku,
        unitPriceCents: orderLines.unitPriceCents,
        quantity: orderLines.quantity,
        discountCents: orderLines.discountCents,
        taxCents: orderLines.taxCents,
        totalCents: orderLines.totalCents,
        shippedQuantity: sql<number>`coalesce((select sum(fl.quantity) from fulfillment_lines fl where fl.order_line_id = "order_lines"."id"), 0)::int`,
      })
      .from(orderLines)
      .where(eq(orderLines.orderId, order.id))
      .orderBy(asc(orderLines.createdAt), asc(orderLines.id)),
    executor
      .select({
        id: fulfillments.id,
        carrier: fulfillments.carrier,
        trackingNumber: fulfillments.trackingNumber,
        trackingUrl: fulfillments.trackingUrl,
        status: fulfillments.status,
        shippedAt: fulfillments.shippedAt,
        deliveredAt: fulfillments.deliveredAt,
      })
      .from(fulfillments)
      .where(eq(fulfillments.orderId, order.id))
      .orderBy(asc(fulfillments.shippedAt)),
    executor
      .select({ fulfillmentId: fulfillmentLines.fulfillmentId, title: orderLines.productTitle, variant: orderLines.variantTitle, quantity: fulfillmentLines.quantity })
      .from(fulfillmentLines)
      .innerJoin(orderLines, eq(orderLines.id, fulfillmentLines.orderLineId))
      .where(eq(orderLines.orderId, order.id)),
    executor
      .select({ status: emailMessages.status })
      .from(emailMessages)
      .where(and(eq(emailMessages.template, 'order_confirmation'), eq(emailMessages.toAddress, order.email), sql`${emailMessages.subject} like ${`%${order.number}%`}`))
      .orderBy(desc(emailMessages.createdAt))
      .limit(1),
    executor
      .select({ title: orderPromotions.title, amountCents: orderPromotions.amountCents, freeShipping: orderPromotions.freeShipping })
      .from(orderPromotions)
      .where(eq(orderPromotions.orderId, order.id))
      .orderBy(asc(orderPromotions.createdAt), asc(orderPromotions.id)),
  ]);
  return {
    order,
    promotions,
    lines: lines.map((line) => ({ ...line, shippedQuantity: Number(line.shippedQuantity) })),
    shipments: shipments.map(({ id, shippedAt, deliveredAt, ...shipment }) => ({
      ...shipment,
      shippedAt: shippedAt.toISOString(),
      deliveredAt: deliveredAt?.toISOString() ?? null,
      items: shippedItems.filter((item) => item.fulfillmentId === id).map((item) => ({ title: `${item.title} (${item.variant})`, quantity: item.quantity })),
    })),
    confirmationEmail: email?.status ?? ('none' as const),
  };
}

type OrderRead = NonNullable<Awaited<ReturnType<typeof readOrder>>>;

function units(read: OrderRead) {
  return {
    orderedUnits: read.lines.reduce((sum, line) => sum + line.quantity, 0),
    shippedUnits: read.lines.reduce((sum, line) => sum + line.shippedQuantity, 0),
  };
}

/** The customer's view: named fields only, so nothing staff-only (notes on the timeline, payments) can reach it. */
function customerView({ order, lines, shipments, confirmationEmail, promotions }: OrderRead): OrderDetail {
  return {
    number: order.number,
    email: order.email,
    status: order.status,
    paymentStatus: order.paymentStatus,
    paymentProvider: order.paymentProvider,
    currency: order.currency,
    subtotalCents: order.subtotalCents,
    discountCents: order.discountCents,
    discountCode: order.discountCode,
    promotions,
    shippingCents: order.shippingCents,
    shippingMethod: order.shippingMethod,
    taxCents: order.taxCents,
    taxInclusive: order.taxInclusive,
    totalCents: order.totalCents,
    placedAt: order.placedAt.toISOString(),
    shippingAddress: order.shippingAddress,
    lines: lines.map(({ productTitle, variantTitle, sku, unitPriceCents, quantity, totalCents }) => ({ productTitle, variantTitle, sku, unitPriceCents, quantity, totalCents })),
    fulfilment: fulfilmentLabel({ status: order.status, ...units({ order, lines, shipments, confirmationEmail, promotions }) }),
    shipments,
    confirmationEmail,
  };
}

async function readCustomerOrder(executor: Executor, where: SQL): Promise<OrderDetail | null> {
  const read = await readOrder(executor, where);
  return read ? customerView(read) : null;
}

export async function getOrderForUser(userId: string, number: string, executor: Executor = db): Promise<OrderDetail | null> {
  if (!ORDER_NUMBER_PATTERN.test(number)) return null;
  return readCustomerOrder(executor, and(eq(orders.number, number), eq(orders.userId, userId))!);
}

/** Guest lookup: the number alone is not enough, the email must match too. */
export async function getOrderByNumberAndEmail(number: string, email: string, executor: Executor = db): Promise<OrderDetail | null> {
  const normalised = number.trim().toUpperCase();
  if (!ORDER_NUMBER_PATTERN.test(normalised)) return null;
  const address = normaliseEmail(email);
  // Erased customers' orders carry a placeholder under the reserved ".invalid" TLD (lib/customers/privacy.ts):
  // knowing the placeholder must not open them.
  if (address.endsWith('.invalid')) return null;
  return readCustomerOrder(executor, and(eq(orders.number, normalised), eq(orders.email, address))!);
}

/** For the confirmation page, after the caller proved it placed this order (signed receipt cookie). */
export async function getOrderById(orderId: string, executor: Executor = db): Promise<OrderDetail | null> {
  return readCustomerOrder(executor, eq(orders.id, orderId));
}

const itemCount = sql<number>`(select coalesce(sum(ol.quantity), 0)::int from order_lines ol where ol.order_id = "orders"."id")`;

/** An order in a list, for its customer and for staff alike (staff add who placed it). */
const summaryColumns = {
  number: orders.number,
  status: orders.status,
  paymentStatus: orders.paymentStatus,
  totalCents: orders.totalCents,
  currency: orders.currency,
  placedAt: orders.placedAt,
  itemCount,
};

export async function listOrdersForUser(userId: string, executor: Executor = db): Promise<OrderSummary[]> {
  const rows = await executor
    .select(summaryColumns)
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.placedAt))
    .limit(100);
  return rows.map((row) => ({ ...row, placedAt: row.placedAt.toISOString(), itemCount: Number(row.itemCount) }));
}

/** A customer's orders, newest first, a page at a time (the Store API's order history). */
export async function listOrdersForUserPage(
  userId: string,
  { page, perPage }: { page: number; perPage: number },
  executor: Executor = db,
): Promise<{ rows: OrderSummary[]; total: number }> {
  const [rows, total] = await Promise.all([
    executor
      .select(summaryColumns)
      .from(orders)
      .where(eq(orders.userId, userId))
      .orderBy(desc(orders.placedAt), desc(orders.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    executor.$count(orders, eq(orders.userId, userId)),
  ]);
  return { rows: rows.map((row) => ({ ...row, placedAt: row.placedAt.toISOString(), itemCount: Number(row.itemCount) })), total };
}

/** The staff view of one order: the customer's, plus payments, refunds, the timeline and the legal moves. */
export async function getStaffOrder(number: string, executor: Executor = db): Promise<StaffOrderDetail | null> {
  const read = await readOrder(executor, eq(orders.number, number.toUpperCase()));
  if (!read) return null;
  const { order } = read;
  const [paymentRows, refundRows, events] = await Promise.all([
    executor
      .select({ provider: payments.provider, status: payments.status, amountCents: payments.amountCents, refundedCents: payments.refundedCents, reference: payments.providerReference, capturedAt: payments.capturedAt })
      .from(payments)
      .where(eq(payments.orderId, order.id))
      .orderBy(asc(payments.createdAt)),
    executor
      .select({ amountCents: refunds.amountCents, status: refunds.status, reason: refunds.reason, createdAt: refunds.createdAt })
      .from(refunds)
      .where(eq(refunds.orderId, order.id))
      .orderBy(asc(refunds.createdAt)),
    executor
      .select({ type: orderEvents.type, message: orderEvents.message, actor: users.email, actorName: users.name, data: orderEvents.data, createdAt: orderEvents.createdAt })
      .from(orderEvents)
      .leftJoin(users, eq(users.id, orderEvents.actorId))
      .where(eq(orderEvents.orderId, order.id))
      .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id)),
  ]);
  const refundableCents = paymentRows.filter((p) => p.status === 'succeeded').reduce((sum, p) => sum + p.amountCents - p.refundedCents, 0);
  const state: OrderMachineState = {
    status: order.status,
    paymentStatus: order.paymentStatus,
    paymentProvider: order.paymentProvider,
    ...units(read),
    refundableCents,
  };
  return {
    ...customerView(read),
    customerName: order.customerName,
    customerNote: order.customerNote,
    refundedCents: order.refundedCents,
    refundableCents,
    billingAddress: order.billingAddress,
    lines: read.lines,
    payments: paymentRows.map((p) => ({ ...p, capturedAt: p.capturedAt?.toISOString() ?? null })),
    refunds: refundRows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    timeline: events.map(({ data, ...e }) => ({
      ...e,
      // A deleted staff account leaves its notes: the author's address was kept with the note.
      actor: e.actor ?? (e.type === ORDER_NOTE_EVENT && typeof data?.author === 'string' ? data.author : null),
      actorName: e.actorName || null,
      createdAt: e.createdAt.toISOString(),
      note: e.type === ORDER_NOTE_EVENT,
    })),
    transitions: legalTransitions(state),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function listWhere(query: OrderListQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(orders.status, query.status));
  if (query.payment) conditions.push(eq(orders.paymentStatus, query.payment));
  // Dates are whole UTC days, "to" included.
  if (query.from) conditions.push(gte(orders.placedAt, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) conditions.push(lt(orders.placedAt, new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(
      or(
        ilike(orders.number, pattern),
        ilike(orders.email, pattern),
        sql`"orders"."shipping_address"->>'name' ilike ${pattern}`,
        sql`exists (select 1 from users u where u.id = "orders"."user_id" and u.name ilike ${pattern})`,
      )!,
    );
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

function staffOrderOrder(query: OrderListQuery): SQL[] {
  const column = { placed: orders.placedAt, number: orders.number, total: orders.totalCents, status: orders.status }[query.sort];
  const dir = orderSortDirection(query);
  return dir === 'asc' ? [asc(column), asc(orders.id)] : [desc(column), desc(orders.id)];
}

/** Staff's order list: newest first unless sorted by a column, ORDERS_PAGE_SIZE a page. */
export async function listOrdersForStaff(query: OrderListQuery, executor: Executor = db): Promise<StaffOrderPage> {
  const where = listWhere(query);
  const total = await executor.$count(orders, where);
  const pageCount = Math.max(1, Math.ceil(total / ORDERS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await executor
    .select({
      ...summaryColumns,
      email: orders.email,
      paymentProvider: orders.paymentProvider,
      customerName: sql<string>`coalesce(nullif(${users.name}, ''), ${orders.shippingAddress}->>'name', '')`,
    })
    .from(orders)
    .leftJoin(users, eq(users.id, orders.userId))
    .where(where)
    .orderBy(...staffOrderOrder(query))
    .limit(ORDERS_PAGE_SIZE)
    .offset((page - 1) * ORDERS_PAGE_SIZE);
  return {
    rows: rows.map((row) => ({ ...row, itemCount: Number(row.itemCount), placedAt: row.placedAt.toISOString() })),
    total,
    page,
    pageCount,
  };
}

export type PackingSlip = {
  number: string;
  placedAt: string;
  shippingMethod: string;
  shippingAddress: StaffOrderDetail['shippingAddress'];
  customerNote: string | null;
  lines: { productTitle: string; variantTitle: string; sku: string; quantity: number; shippedQuantity: number }[];
};

/** What goes in the parcel: no prices. */
export async function getPackingSlip(number: string, executor: Executor = db): Promise<PackingSlip | null> {
  const read = await readOrder(executor, eq(orders.number, number.toUpperCase()));
  if (!read) return null;
  return {
    number: read.order.number,
    placedAt: read.order.placedAt.toISOString(),
    shippingMethod: read.order.shippingMethod,
    shippingAddress: read.order.shippingAddress,
    customerNote: read.order.customerNote,
    lines: read.lines.map(({ productTitle, variantTitle, sku, quantity, shippedQuantity }) => ({ productTitle, variantTitle, sku, quantity, shippedQuantity })),
  };
}
