import 'server-only';
import { and, asc, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { type AddressSnapshot, fulfillmentLines, fulfillments, orderEvents, orderLines, orders, payments, refunds, users } from '@/db/schema';
import { ORDERS_PAGE_SIZE, type OrderListQuery } from './schemas';
import { fulfilmentLabel, legalTransitions, type OrderMachineState, type OrderTransition } from './state-machine';

// Staff reads of orders. Never cached: staff must see a move the moment it is made.

export type AdminOrderRow = {
  number: string;
  email: string;
  customerName: string;
  status: string;
  paymentStatus: string;
  totalCents: number;
  currency: string;
  itemCount: number;
  placedAt: string;
};

export type AdminOrderPage = { rows: AdminOrderRow[]; total: number; page: number; pageCount: number };

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

/** Newest first, ORDERS_PAGE_SIZE a page. */
export async function listAdminOrders(query: OrderListQuery, executor: Executor = db): Promise<AdminOrderPage> {
  const where = listWhere(query);
  const total = await executor.$count(orders, where);
  const pageCount = Math.max(1, Math.ceil(total / ORDERS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await executor
    .select({
      number: orders.number,
      email: orders.email,
      customerName: sql<string>`coalesce(nullif(${users.name}, ''), ${orders.shippingAddress}->>'name', '')`,
      status: orders.status,
      paymentStatus: orders.paymentStatus,
      totalCents: orders.totalCents,
      currency: orders.currency,
      placedAt: orders.placedAt,
      itemCount: sql<number>`(select coalesce(sum(ol.quantity), 0)::int from order_lines ol where ol.order_id = "orders"."id")`,
    })
    .from(orders)
    .leftJoin(users, eq(users.id, orders.userId))
    .where(where)
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(ORDERS_PAGE_SIZE)
    .offset((page - 1) * ORDERS_PAGE_SIZE);
  return {
    rows: rows.map((row) => ({ ...row, itemCount: Number(row.itemCount), placedAt: row.placedAt.toISOString() })),
    total,
    page,
    pageCount,
  };
}

export type AdminOrderLine = {
  id: string;
  productTitle: string;
  variantTitle: string;
  sku: string;
  unitPriceCents: number;
  quantity: number;
  shippedQuantity: number;
  discountCents: number;
  taxCents: number;
  totalCents: number;
};

export type AdminOrderDetail = {
  number: string;
  email: string;
  customerName: string | null;
  customerNote: string | null;
  status: string;
  paymentStatus: string;
  paymentProvider: string;
  fulfilment: string;
  currency: string;
  subtotalCents: number;
  discountCents: number;
  discountCode: string | null;
  shippingCents: number;
  shippingMethod: string;
  taxCents: number;
  taxInclusive: boolean;
  totalCents: number;
  refundedCents: number;
  /** Captured minus refunded: the most a refund may be now. */
  refundableCents: number;
  placedAt: string;
  shippingAddress: AddressSnapshot;
  billingAddress: AddressSnapshot | null;
  lines: AdminOrderLine[];
  payments: { provider: string; status: string; amountCents: number; refundedCents: number; reference: string | null; capturedAt: string | null }[];
  refunds: { amountCents: number; status: string; reason: string; createdAt: string }[];
  fulfillments: { carrier: string; trackingNumber: string; trackingUrl: string | null; status: string; shippedAt: string; deliveredAt: string | null; items: { title: string; quantity: number }[] }[];
  timeline: { type: string; message: string; actor: string | null; createdAt: string }[];
  /** The moves the state machine allows now; the page shows a button for each and nothing else. */
  transitions: OrderTransition[];
};

export async function getAdminOrder(number: string, executor: Executor = db): Promise<AdminOrderDetail | null> {
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
    .where(eq(orders.number, number.toUpperCase()));
  if (!order) return null;
  const [lines, paymentRows, refundRows, fulfillmentRows, shippedItems, events] = await Promise.all([
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
      .select({ id: fulfillments.id, carrier: fulfillments.carrier, trackingNumber: fulfillments.trackingNumber, trackingUrl: fulfillments.trackingUrl, status: fulfillments.status, shippedAt: fulfillments.shippedAt, deliveredAt: fulfillments.deliveredAt })
      .from(fulfillments)
      .where(eq(fulfillments.orderId, order.id))
      .orderBy(asc(fulfillments.shippedAt)),
    executor
      .select({ fulfillmentId: fulfillmentLines.fulfillmentId, title: orderLines.productTitle, variant: orderLines.variantTitle, quantity: fulfillmentLines.quantity })
      .from(fulfillmentLines)
      .innerJoin(orderLines, eq(orderLines.id, fulfillmentLines.orderLineId))
      .where(eq(orderLines.orderId, order.id)),
    executor
      .select({ type: orderEvents.type, message: orderEvents.message, actor: users.email, createdAt: orderEvents.createdAt })
      .from(orderEvents)
      .leftJoin(users, eq(users.id, orderEvents.actorId))
      .where(eq(orderEvents.orderId, order.id))
      .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id)),
  ]);
  const orderedUnits = lines.reduce((sum, line) => sum + line.quantity, 0);
  const shippedUnits = lines.reduce((sum, line) => sum + Number(line.shippedQuantity), 0);
  const refundableCents = paymentRows.filter((p) => p.status === 'succeeded').reduce((sum, p) => sum + p.amountCents - p.refundedCents, 0);
  const state: OrderMachineState = {
    status: order.status,
    paymentStatus: order.paymentStatus,
    paymentProvider: order.paymentProvider,
    orderedUnits,
    shippedUnits,
    refundableCents,
  };
  const { id: _id, placedAt, ...rest } = order;
  return {
    ...rest,
    placedAt: placedAt.toISOString(),
    fulfilment: fulfilmentLabel(state),
    refundableCents,
    lines: lines.map((line) => ({ ...line, shippedQuantity: Number(line.shippedQuantity) })),
    payments: paymentRows.map((p) => ({ ...p, capturedAt: p.capturedAt?.toISOString() ?? null })),
    refunds: refundRows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    fulfillments: fulfillmentRows.map(({ id, shippedAt, deliveredAt, ...f }) => ({
      ...f,
      shippedAt: shippedAt.toISOString(),
      deliveredAt: deliveredAt?.toISOString() ?? null,
      items: shippedItems.filter((item) => item.fulfillmentId === id).map((item) => ({ title: `${item.title} (${item.variant})`, quantity: item.quantity })),
    })),
    timeline: events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    transitions: legalTransitions(state),
  };
}

export type PackingSlip = {
  number: string;
  placedAt: string;
  shippingMethod: string;
  shippingAddress: AddressSnapshot;
  customerNote: string | null;
  lines: { productTitle: string; variantTitle: string; sku: string; quantity: number; shippedQuantity: number }[];
};

/** What goes in the parcel: no prices. */
export async function getPackingSlip(number: string, executor: Executor = db): Promise<PackingSlip | null> {
  const detail = await getAdminOrder(number, executor);
  if (!detail) return null;
  return {
    number: detail.number,
    placedAt: detail.placedAt,
    shippingMethod: detail.shippingMethod,
    shippingAddress: detail.shippingAddress,
    customerNote: detail.customerNote,
    lines: detail.lines.map(({ productTitle, variantTitle, sku, quantity, shippedQuantity }) => ({ productTitle, variantTitle, sku, quantity, shippedQuantity })),
  };
}
