import 'server-only';
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { orderLines, orders, products, returnEvents, returnLines, returns, users, variants } from '@/db/schema';
import { normaliseEmail } from '@/lib/auth/email';
import { ORDER_NUMBER_PATTERN } from '@/lib/orders/schemas';
import { feeInOrderCurrency, returnWindowEndsAt } from './policy';
import { RETURN_NUMBER_PATTERN } from './schemas';
import { getReturnPolicy, returnedQuantities, returnEligibility } from './service';
import type { ReturnableOrder, ReturnDetail, ReturnSummary, StaffReturnRow } from './types';

// Reads for the return pages: what an order can still send back (for its owner, a guest who knows its email, or
// staff), a return's detail, and the staff list. Never cached; DTOs only.

type OrderScope = { kind: 'customer'; userId: string } | { kind: 'guest'; email: string } | { kind: 'staff' };

function orderWhere(number: string, scope: OrderScope): SQL | null {
  const normalised = number.trim().toUpperCase();
  if (!ORDER_NUMBER_PATTERN.test(normalised)) return null;
  if (scope.kind === 'customer') return and(eq(orders.number, normalised), eq(orders.userId, scope.userId))!;
  if (scope.kind === 'guest') {
    const email = normaliseEmail(scope.email);
    if (email.endsWith('.invalid')) return null;
    return and(eq(orders.number, normalised), eq(orders.email, email))!;
  }
  return eq(orders.number, normalised);
}

/** An order as the return form needs it: each line with what is left to return and the variants it can swap for. */
export async function getReturnableOrder(number: string, scope: OrderScope, executor: Executor = db): Promise<ReturnableOrder | null> {
  const where = orderWhere(number, scope);
  if (!where) return null;
  const [order] = await executor
    .select({ id: orders.id, number: orders.number, status: orders.status, currency: orders.currency, exchangeRate: orders.exchangeRate, customerId: orders.customerId, fulfilledAt: orders.fulfilledAt, deliveredAt: orders.deliveredAt })
    .from(orders)
    .where(where);
  if (!order) return null;
  const policy = await getReturnPolicy(executor);
  const lines = await executor
    .select({
      id: orderLines.id,
      productId: orderLines.productId,
      variantId: orderLines.variantId,
      productTitle: orderLines.productTitle,
      variantTitle: orderLines.variantTitle,
      quantity: orderLines.quantity,
      unitPriceCents: orderLines.unitPriceCents,
      isGiftCard: orderLines.isGiftCard,
      returnable: products.returnable,
    })
    .from(orderLines)
    .leftJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.createdAt), asc(orderLines.id));
  const already = await returnedQuantities(executor, order.id);
  const productIds = [...new Set(lines.map((line) => line.productId).filter((id): id is string => id !== null))];
  const options =
    productIds.length > 0
      ? await executor
          .select({ id: variants.id, productId: variants.productId, title: variants.title, stock: variants.stockOnHand })
          .from(variants)
          .where(and(inArray(variants.productId, productIds), eq(variants.isActive, true)))
          .orderBy(asc(variants.position), asc(variants.title))
      : [];
  const from = order.deliveredAt ?? order.fulfilledAt;
  return {
    number: order.number,
    currency: order.currency,
    refusal: returnEligibility(order, policy.windowDays, new Date(), scope.kind === 'staff'),
    windowEndsAt: from ? returnWindowEndsAt(from, policy.windowDays).toISOString() : null,
    reasons: policy.reasons,
    refundChoice: policy.refundDestination === 'customer_choice' && order.customerId !== null,
    refundDestination: policy.refundDestination,
    shippingFeeCents: feeInOrderCurrency(policy.shippingFeeCents, policy.currency, order.currency, order.exchangeRate),
    lines: lines.map((line) => {
      const returnable = !line.isGiftCard && line.returnable !== false;
      return {
        id: line.id,
        productTitle: line.productTitle,
        variantTitle: line.variantTitle,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        returnable,
        remaining: returnable ? Math.max(0, line.quantity - (already.get(line.id) ?? 0)) : 0,
        exchangeOptions: options
          .filter((option) => option.productId === line.productId && option.id !== line.variantId && option.stock > 0)
          .map((option) => ({ id: option.id, title: option.title })),
      };
    }),
  };
}

const summaryColumns = {
  id: returns.id,
  number: returns.number,
  status: returns.status,
  orderNumber: orders.number,
  refundCents: returns.refundCents,
  currency: returns.currency,
  createdAt: returns.createdAt,
};

type SummaryRow = { id: string; number: string; status: ReturnSummary['status']; orderNumber: string; refundCents: number; currency: string; createdAt: Date };

async function withUnits(executor: Executor, rows: SummaryRow[]): Promise<ReturnSummary[]> {
  if (rows.length === 0) return [];
  const units = await executor
    .select({ returnId: returnLines.returnId, quantity: returnLines.quantity })
    .from(returnLines)
    .where(inArray(returnLines.returnId, rows.map((row) => row.id)));
  return rows.map(({ id, ...row }) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    itemCount: units.filter((unit) => unit.returnId === id).reduce((sum, unit) => sum + unit.quantity, 0),
  }));
}

/** The returns of one order, newest first (the customer's order page, the guest lookup, the staff order page). */
export async function listReturnsForOrder(number: string, scope: OrderScope, executor: Executor = db): Promise<ReturnSummary[]> {
  const where = orderWhere(number, scope);
  if (!where) return [];
  const rows = await executor.select(summaryColumns).from(returns).innerJoin(orders, eq(orders.id, returns.orderId)).where(where).orderBy(desc(returns.createdAt));
  return withUnits(executor, rows);
}

/** One return, for its order's owner (scope customer/guest) or staff. Not found and not yours read the same. */
export async function getReturnDetail(number: string, scope: OrderScope, executor: Executor = db): Promise<ReturnDetail | null> {
  const normalised = number.trim().toUpperCase();
  if (!RETURN_NUMBER_PATTERN.test(normalised)) return null;
  const owner = scope.kind === 'customer' ? eq(orders.userId, scope.userId) : scope.kind === 'guest' ? eq(orders.email, normaliseEmail(scope.email)) : undefined;
  const [row] = await executor
    .select({
      id: returns.id,
      number: returns.number,
      status: returns.status,
      orderNumber: orders.number,
      email: orders.email,
      reason: returns.reason,
      comment: returns.comment,
      rejectionReason: returns.rejectionReason,
      refundMethod: returns.refundMethod,
      currency: returns.currency,
      shippingFeeCents: returns.shippingFeeCents,
      refundCents: returns.refundCents,
      exchangeOrderId: returns.exchangeOrderId,
      createdAt: returns.createdAt,
    })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(and(eq(returns.number, normalised), owner));
  if (!row) return null;
  const lines = await executor
    .select({
      id: returnLines.id,
      productTitle: orderLines.productTitle,
      variantTitle: orderLines.variantTitle,
      quantity: returnLines.quantity,
      exchangeFor: variants.title,
      disposition: returnLines.disposition,
    })
    .from(returnLines)
    .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
    .leftJoin(variants, eq(variants.id, returnLines.exchangeVariantId))
    .where(eq(returnLines.returnId, row.id))
    .orderBy(asc(returnLines.createdAt), asc(returnLines.id));
  const events = await executor
    .select({ type: returnEvents.type, message: returnEvents.message, createdAt: returnEvents.createdAt, actor: users.email })
    .from(returnEvents)
    .leftJoin(users, eq(users.id, returnEvents.actorId))
    .where(eq(returnEvents.returnId, row.id))
    .orderBy(asc(returnEvents.createdAt));
  const [exchange] = row.exchangeOrderId ? await executor.select({ number: orders.number, status: orders.status }).from(orders).where(eq(orders.id, row.exchangeOrderId)) : [];
  const staff = scope.kind === 'staff';
  return {
    number: row.number,
    status: row.status,
    orderNumber: row.orderNumber,
    email: staff ? row.email : null,
    reason: row.reason,
    comment: row.comment,
    rejectionReason: row.rejectionReason,
    refundMethod: row.refundMethod,
    currency: row.currency,
    shippingFeeCents: row.shippingFeeCents,
    refundCents: row.refundCents,
    exchangeOrder: exchange ? { number: exchange.number, status: exchange.status } : null,
    createdAt: row.createdAt.toISOString(),
    lines: lines.map((line) => ({ ...line, id: staff ? line.id : '' })),
    // Customers see what happened; who on the staff did it (and their words beyond the rejection reason) stays inside.
    timeline: events.map((event) => ({ type: event.type, message: staff ? event.message : (CUSTOMER_WORDS[event.type] ?? event.type), createdAt: event.createdAt.toISOString(), actor: staff ? event.actor : null })),
  };
}

const CUSTOMER_WORDS: Record<string, string> = {
  requested: 'Return requested',
  approved: 'Approved: please send the items back',
  rejected: 'Not accepted',
  cancelled: 'Cancelled',
  received: 'Items received',
  refund_started: 'Refund started',
  refund_failed: 'Refund delayed',
  completed: 'Completed',
};

export const RETURNS_PAGE_SIZE = 25;

export async function listReturnsForStaff(query: { status?: ReturnSummary['status']; page?: number }, executor: Executor = db): Promise<{ rows: StaffReturnRow[]; total: number; page: number; pageCount: number }> {
  const where = query.status ? eq(returns.status, query.status) : undefined;
  const page = Math.max(1, query.page ?? 1);
  const [rows, [total]] = await Promise.all([
    executor
      .select({ ...summaryColumns, email: orders.email })
      .from(returns)
      .innerJoin(orders, eq(orders.id, returns.orderId))
      .where(where)
      .orderBy(desc(returns.createdAt), desc(returns.id))
      .limit(RETURNS_PAGE_SIZE)
      .offset((page - 1) * RETURNS_PAGE_SIZE),
    executor.select({ n: count() }).from(returns).where(where),
  ]);
  const summaries = await withUnits(executor, rows);
  const count_ = Number(total?.n ?? 0);
  return { rows: summaries.map((summary, index) => ({ ...summary, email: rows[index]!.email })), total: count_, page, pageCount: Math.max(1, Math.ceil(count_ / RETURNS_PAGE_SIZE)) };
}
