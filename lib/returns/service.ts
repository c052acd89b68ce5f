import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { db, type Executor, type Transaction } from '@/db/client';
import {
  orderEvents,
  orderLines,
  orders,
  products,
  returnEvents,
  returnLines,
  returns,
  storeSettings,
  variants,
  type ReturnDisposition,
  type ReturnRefundMethod,
} from '@/db/schema';
import { type AuditActor, recordAudit, recordSystemAudit } from '@/lib/audit/service';
import { normaliseEmail } from '@/lib/auth/email';
import { siteLink } from '@/lib/email/brand';
import { composeEmail } from '@/lib/email/compose';
import { addressed, queueEmail } from '@/lib/email/service';
import { AppError } from '@/lib/errors';
import { adjustStoreCredit } from '@/lib/gift-cards/service';
import { moveStock } from '@/lib/inventory/stock';
import { formatMoney, money } from '@/lib/money';
import { newOrderNumber } from '@/lib/checkout/service';
import { refundOrder } from '@/lib/orders/service';
import { defaultRefunders, type Refunders } from '@/lib/payments/refunds';
import { feeInOrderCurrency, lineRefundCents, returnRefundCents, returnWindowEndsAt } from './policy';
import type { ReceiveReturnInput, ReturnRequestInput } from './schemas';

// Returns and exchanges: the one writer of returns, return_lines and return_events. Every step is one transaction
// that moves the return with a conditional UPDATE on the status it leaves (`where status = 'approved' returning`), so
// two tabs, two staff or a retried request move it once. A request locks its order row first, so the "bought minus
// already asked for" check and the insert cannot interleave with another request for the same order. Lock order, as
// everywhere: orders row → payments row → variant rows in id order.

/** Who asks for a return: the signed-in owner, a guest who knows the order's email, or staff for a customer. */
export type ReturnRequester = { kind: 'customer'; userId: string } | { kind: 'guest'; email: string } | { kind: 'staff'; actor: AuditActor };

/** Statuses whose lines still count against what a line can return (a rejected or cancelled return frees them). */
const OPEN_OR_DONE = ['requested', 'approved', 'received', 'completing', 'completed'] as const;
const FREED = ['rejected', 'cancelled'] as const;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "RT-" + 8 Crockford base32 characters: random, like order numbers. */
export function newReturnNumber(): string {
  let out = 'RT-';
  for (const byte of randomBytes(8)) out += CROCKFORD[byte & 31];
  return out;
}

const fmt = (cents: number, currency: string) => formatMoney(money(cents, currency));

export type ReturnPolicy = {
  windowDays: number;
  reasons: string[];
  shippingFeeCents: number;
  currency: string;
  refundDestination: 'original_payment' | 'store_credit' | 'customer_choice';
};

export async function getReturnPolicy(executor: Executor = db): Promise<ReturnPolicy> {
  const [row] = await executor
    .select({
      windowDays: storeSettings.returnWindowDays,
      reasons: storeSettings.returnReasons,
      shippingFeeCents: storeSettings.returnShippingFeeCents,
      currency: storeSettings.currency,
      refundDestination: storeSettings.returnRefundDestination,
    })
    .from(storeSettings)
    .where(eq(storeSettings.id, 1));
  return row ?? { windowDays: 30, reasons: ['Changed my mind'], shippingFeeCents: 0, currency: 'USD', refundDestination: 'original_payment' };
}

export async function updateReturnPolicy(
  actor: AuditActor,
  input: { returnWindowDays: number; returnReasons: string[]; returnShippingFeeCents: number; returnRefundDestination: ReturnPolicy['refundDestination'] },
  executor: Executor = db,
): Promise<void> {
  await executor.transaction(async (tx) => {
    const before = await getReturnPolicy(tx);
    const updated = await tx.update(storeSettings).set(input).where(eq(storeSettings.id, 1)).returning({ id: storeSettings.id });
    if (updated.length === 0) throw new AppError('not_found', 'The store has no settings yet.');
    await recordAudit(tx, actor, { action: 'settings.return_policy', entityType: 'settings', entityId: null, before: { ...before }, after: { ...input } });
  });
}

async function timeline(tx: Transaction, returnId: string, actorId: string | null, type: string, message: string) {
  await tx.insert(returnEvents).values({ returnId, type, message, actorId });
}

async function orderTimeline(tx: Transaction, orderId: string, actorId: string | null, type: string, message: string, data?: Record<string, unknown>) {
  await tx.insert(orderEvents).values({ orderId, type, message, actorId, data: data ?? null });
}

async function audit(tx: Transaction, who: AuditActor | string, entry: Parameters<typeof recordAudit>[2]) {
  if (typeof who === 'string') await recordSystemAudit(tx, who, entry);
  else await recordAudit(tx, who, entry);
}

type LockedOrder = {
  id: string;
  number: string;
  email: string;
  customerId: string | null;
  status: string;
  currency: string;
  exchangeRate: string | null;
  fulfilledAt: Date | null;
  deliveredAt: Date | null;
};

async function lockOrderFor(tx: Transaction, requester: ReturnRequester, number: string): Promise<LockedOrder> {
  const owner =
    requester.kind === 'customer'
      ? eq(orders.userId, requester.userId)
      : requester.kind === 'guest'
        ? eq(orders.email, normaliseEmail(requester.email))
        : undefined;
  const [order] = await tx
    .select({
      id: orders.id,
      number: orders.number,
      email: orders.email,
      customerId: orders.customerId,
      status: orders.status,
      currency: orders.currency,
      exchangeRate: orders.exchangeRate,
      fulfilledAt: orders.fulfilledAt,
      deliveredAt: orders.deliveredAt,
    })
    .from(orders)
    .where(and(eq(orders.number, number), owner))
    .for('update');
  // Not found and not yours read the same.
  if (!order || (requester.kind === 'guest' && order.email.endsWith('.invalid'))) throw new AppError('not_found', 'We could not find that order.');
  return order;
}

/** Units of each of an order's lines already asked for in returns that are not rejected or cancelled. */
export async function returnedQuantities(executor: Executor, orderId: string): Promise<Map<string, number>> {
  const rows = await executor
    .select({ orderLineId: returnLines.orderLineId, quantity: sql<number>`sum(${returnLines.quantity})::int` })
    .from(returnLines)
    .innerJoin(returns, eq(returns.id, returnLines.returnId))
    .where(and(eq(returns.orderId, orderId), inArray(returns.status, [...OPEN_OR_DONE])))
    .groupBy(returnLines.orderLineId);
  return new Map(rows.map((row) => [row.orderLineId, Number(row.quantity)]));
}

/** Why an order cannot be returned now (null: it can). Staff may open a return after the window. */
export function returnEligibility(order: Pick<LockedOrder, 'status' | 'fulfilledAt' | 'deliveredAt'>, windowDays: number, now = new Date(), ignoreWindow = false): string | null {
  if (order.status !== 'fulfilled' && order.status !== 'delivered') return 'Only an order that has shipped can be returned.';
  const from = order.deliveredAt ?? order.fulfilledAt;
  if (!ignoreWindow && from && returnWindowEndsAt(from, windowDays) < now) return `Returns are accepted for ${windowDays} days after delivery; this order is past that.`;
  return null;
}

export type RequestedReturn = { id: string; number: string; status: 'requested'; /** Products whose stock an exchange hold changed. */ productSlugs: string[] };

async function slugsOfVariants(tx: Executor, variantIds: string[]): Promise<string[]> {
  if (variantIds.length === 0) return [];
  const rows = await tx.selectDistinct({ slug: products.slug }).from(variants).innerJoin(products, eq(products.id, variants.productId)).where(inArray(variants.id, variantIds));
  return rows.map((row) => row.slug);
}

/**
 * A customer (or staff for them) asks to send items back, each for a refund or in exchange for another variant of the
 * same product. Under the order's row lock: the order has shipped and is within the window, each line is returnable
 * and asks for no more than bought minus already asked for; an exchange takes its variant's stock now with the same
 * conditional decrement as checkout (zero rows: sold out, nothing is kept). The instructions email commits with it.
 */
export async function requestReturn(requester: ReturnRequester, input: ReturnRequestInput, executor: Executor = db): Promise<RequestedReturn> {
  return executor.transaction(async (tx) => {
    const order = await lockOrderFor(tx, requester, input.number);
    const policy = await getReturnPolicy(tx);
    const refusal = returnEligibility(order, policy.windowDays, new Date(), requester.kind === 'staff');
    if (refusal) throw new AppError('conflict', refusal);
    if (requester.kind !== 'staff' && !policy.reasons.includes(input.reason)) {
      throw new AppError('validation_failed', 'Choose one of the listed reasons.', { fieldErrors: { reason: ['Choose one of the listed reasons.'] } });
    }
    const lines = await tx
      .select({
        id: orderLines.id,
        productId: orderLines.productId,
        variantId: orderLines.variantId,
        quantity: orderLines.quantity,
        title: orderLines.productTitle,
        isGiftCard: orderLines.isGiftCard,
        returnable: products.returnable,
      })
      .from(orderLines)
      .leftJoin(products, eq(products.id, orderLines.productId))
      .where(eq(orderLines.orderId, order.id));
    const byId = new Map(lines.map((line) => [line.id, line]));
    const already = await returnedQuantities(tx, order.id);
    const fieldError = (lineId: string, message: string) => new AppError('validation_failed', message, { fieldErrors: { [`qty_${lineId}`]: [message] } });

    const exchanges: { lineId: string; variantId: string; quantity: number }[] = [];
    for (const wanted of input.lines) {
      const line = byId.get(wanted.orderLineId);
      if (!line) throw new AppError('validation_failed', 'That item is not in this order.', { fieldErrors: { lines: ['That item is not in this order.'] } });
      if (line.isGiftCard || line.returnable === false) throw fieldError(line.id, `${line.title} cannot be returned.`);
      const left = line.quantity - (already.get(line.id) ?? 0);
      if (wanted.quantity > left) throw fieldError(line.id, left === 0 ? `${line.title} has already been returned.` : `You can return at most ${left} of ${line.title}.`);
      if (wanted.exchangeVariantId) {
        const [variant] = await tx
          .select({ id: variants.id, productId: variants.productId, isActive: variants.isActive })
          .from(variants)
          .where(eq(variants.id, wanted.exchangeVariantId));
        if (!variant || !variant.isActive || variant.productId !== line.productId) {
          throw new AppError('validation_failed', 'Choose another size or colour of the same product.', { fieldErrors: { [`exchange_${line.id}`]: ['Choose another size or colour of the same product.'] } });
        }
        exchanges.push({ lineId: line.id, variantId: variant.id, quantity: wanted.quantity });
      }
    }

    const refundLines = input.lines.filter((line) => !line.exchangeVariantId);
    const refundMethod: ReturnRefundMethod =
      policy.refundDestination === 'customer_choice' ? (input.refundMethod ?? 'original_payment') : policy.refundDestination;
    if (refundMethod === 'store_credit' && !order.customerId) throw new AppError('conflict', 'This order has no customer to hold store credit; choose a refund to the original payment.');
    const shippingFeeCents = refundLines.length > 0 ? feeInOrderCurrency(policy.shippingFeeCents, policy.currency, order.currency, order.exchangeRate) : 0;
    const number = newReturnNumber();
    const [created] = await tx
      .insert(returns)
      .values({
        number,
        orderId: order.id,
        reason: input.reason,
        comment: input.comment,
        refundMethod,
        currency: order.currency,
        shippingFeeCents,
        openedById: requester.kind === 'staff' ? requester.actor.user.id : null,
      })
      .returning({ id: returns.id });
    const returnId = created!.id;
    const inserted = await tx
      .insert(returnLines)
      .values(input.lines.map((line) => ({ returnId, orderLineId: line.orderLineId, quantity: line.quantity, exchangeVariantId: line.exchangeVariantId })))
      .returning({ id: returnLines.id, orderLineId: returnLines.orderLineId });
    const lineIdFor = new Map(inserted.map((row) => [row.orderLineId, row.id]));

    // Variants in id order, like checkout: two requests holding the same variants never wait on each other in a cycle.
    const actorId = requester.kind === 'staff' ? requester.actor.user.id : null;
    for (const hold of [...exchanges].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
      const moved = await moveStock(tx, { variantId: hold.variantId, delta: -hold.quantity, reason: 'exchange_held', orderId: order.id, actorId, note: `Held for exchange in return ${number}` });
      if (!moved) {
        const message = 'That size or colour is out of stock now. Choose another, or a refund.';
        throw new AppError('validation_failed', message, { fieldErrors: { [`exchange_${hold.lineId}`]: [message] } });
      }
      await tx.update(returnLines).set({ exchangeHeld: true }).where(eq(returnLines.id, lineIdFor.get(hold.lineId)!));
    }

    const units = input.lines.reduce((sum, line) => sum + line.quantity, 0);
    const who = requester.kind === 'staff' ? `Opened by ${requester.actor.user.email} for the customer` : 'Requested by the customer';
    await timeline(tx, returnId, actorId, 'requested', `${who}: ${units} item${units === 1 ? '' : 's'} (${input.reason})${exchanges.length > 0 ? `, ${exchanges.length} to exchange` : ''}.`);
    await orderTimeline(tx, order.id, actorId, 'return_requested', `Return ${number} requested: ${units} item${units === 1 ? '' : 's'}`, { returnId, returnNumber: number });
    await audit(tx, requester.kind === 'staff' ? requester.actor : `customer:${requester.kind}`, {
      action: 'return.request',
      entityType: 'return',
      entityId: returnId,
      after: { number, orderNumber: order.number, lines: input.lines, reason: input.reason, refundMethod, shippingFeeCents },
    });
    await queueReturnEmail(tx, returnId, 'return_requested');
    return { id: returnId, number, status: 'requested' as const, productSlugs: await slugsOfVariants(tx, exchanges.map((hold) => hold.variantId)) };
  });
}

/** The email that goes with a step (request: the instructions; rejection: the reason). Queued in the step's transaction. */
async function queueReturnEmail(tx: Transaction, returnId: string, template: 'return_requested' | 'return_rejected'): Promise<void> {
  const [row] = await tx
    .select({
      number: returns.number,
      orderNumber: orders.number,
      email: orders.email,
      reason: returns.reason,
      rejectionReason: returns.rejectionReason,
      currency: returns.currency,
      shippingFeeCents: returns.shippingFeeCents,
      refundMethod: returns.refundMethod,
    })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(eq(returns.id, returnId));
  if (!row) return;
  const lines = await tx
    .select({ title: orderLines.productTitle, variant: orderLines.variantTitle, quantity: returnLines.quantity, exchangeFor: variants.title })
    .from(returnLines)
    .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
    .leftJoin(variants, eq(variants.id, returnLines.exchangeVariantId))
    .where(eq(returnLines.returnId, returnId))
    .orderBy(asc(returnLines.createdAt));
  const props = {
    number: row.number,
    orderNumber: row.orderNumber,
    lines: lines.map((line) => ({ title: line.title, variant: line.variant, quantity: line.quantity, exchangeFor: line.exchangeFor })),
    shippingFee: row.shippingFeeCents > 0 ? fmt(row.shippingFeeCents, row.currency) : null,
    refundTo: row.refundMethod === 'store_credit' ? 'store credit' : 'your original payment',
    rejectionReason: row.rejectionReason,
    returnUrl: siteLink('/orders/return'),
  };
  const email = await composeEmail(template, props, tx);
  await queueEmail(addressed(row.email, email), tx, { aggregate: { type: 'return', id: returnId } });
}

type LockedReturn = { id: string; number: string; orderId: string; orderNumber: string; status: string; refundMethod: ReturnRefundMethod; currency: string; shippingFeeCents: number; exchangeOrderId: string | null; customerId: string | null };

async function getReturnRow(executor: Executor, number: string): Promise<LockedReturn> {
  const [row] = await executor
    .select({
      id: returns.id,
      number: returns.number,
      orderId: returns.orderId,
      orderNumber: orders.number,
      status: returns.status,
      refundMethod: returns.refundMethod,
      currency: returns.currency,
      shippingFeeCents: returns.shippingFeeCents,
      exchangeOrderId: returns.exchangeOrderId,
      customerId: orders.customerId,
    })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(eq(returns.number, number));
  if (!row) throw new AppError('not_found', 'No such return.');
  return row;
}

const STATUS_WORDS: Record<string, string> = {
  requested: 'awaiting approval',
  approved: 'approved and awaiting the items',
  rejected: 'rejected',
  cancelled: 'cancelled',
  received: 'received',
  completing: 'being completed',
  completed: 'completed',
};

/** The conditional move every step makes: zero rows means another click (or tab) moved it first. */
async function moveReturn(tx: Transaction, id: string, from: readonly string[], values: Partial<typeof returns.$inferInsert>): Promise<boolean> {
  const moved = await tx
    .update(returns)
    .set(values)
    .where(and(eq(returns.id, id), inArray(returns.status, [...from] as (typeof returns.$inferSelect.status)[])))
    .returning({ id: returns.id });
  return moved.length > 0;
}

async function refuseMove(tx: Executor, id: string, wanted: string): Promise<never> {
  const [now] = await tx.select({ status: returns.status }).from(returns).where(eq(returns.id, id));
  throw new AppError('conflict', `This return is ${STATUS_WORDS[now?.status ?? ''] ?? 'gone'}; it cannot be ${wanted}.`);
}

/** Gives back every exchange hold of a return still held (once: the flag is cleared with a conditional update). */
async function releaseHolds(tx: Transaction, row: LockedReturn, actorId: string | null): Promise<{ units: number; productSlugs: string[] }> {
  const held = await tx
    .update(returnLines)
    .set({ exchangeHeld: false })
    .where(and(eq(returnLines.returnId, row.id), eq(returnLines.exchangeHeld, true)))
    .returning({ variantId: returnLines.exchangeVariantId, quantity: returnLines.quantity });
  let units = 0;
  for (const hold of held.sort((a, b) => (a.variantId ?? '').localeCompare(b.variantId ?? ''))) {
    if (!hold.variantId) continue;
    await moveStock(tx, { variantId: hold.variantId, delta: hold.quantity, reason: 'exchange_released', orderId: row.orderId, actorId, note: `Exchange released: return ${row.number}` });
    units += hold.quantity;
  }
  return { units, productSlugs: await slugsOfVariants(tx, held.map((hold) => hold.variantId).filter((id): id is string => id !== null)) };
}

export async function approveReturn(actor: AuditActor, number: string, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const row = await getReturnRow(tx, number);
    if (!(await moveReturn(tx, row.id, ['requested'], { status: 'approved', approvedAt: new Date() }))) await refuseMove(tx, row.id, 'approved');
    await timeline(tx, row.id, actor.user.id, 'approved', `Approved by ${actor.user.email}.`);
    await orderTimeline(tx, row.orderId, actor.user.id, 'return_approved', `Return ${row.number} approved`);
    await recordAudit(tx, actor, { action: 'return.approve', entityType: 'return', entityId: row.id, before: { status: 'requested' }, after: { status: 'approved' } });
  });
}

export async function rejectReturn(actor: AuditActor, number: string, reason: string, executor: Executor = db): Promise<{ releasedUnits: number; productSlugs: string[] }> {
  return executor.transaction(async (tx) => {
    const row = await getReturnRow(tx, number);
    if (!(await moveReturn(tx, row.id, ['requested', 'approved'], { status: 'rejected', rejectedAt: new Date(), rejectionReason: reason }))) await refuseMove(tx, row.id, 'rejected');
    const { units: releasedUnits, productSlugs } = await releaseHolds(tx, row, actor.user.id);
    await timeline(tx, row.id, actor.user.id, 'rejected', `Rejected by ${actor.user.email}: ${reason}${releasedUnits > 0 ? ` (${releasedUnits} held for exchange back in stock)` : ''}`);
    await orderTimeline(tx, row.orderId, actor.user.id, 'return_rejected', `Return ${row.number} rejected: ${reason}`);
    await recordAudit(tx, actor, { action: 'return.reject', entityType: 'return', entityId: row.id, before: { status: row.status }, after: { status: 'rejected', reason, releasedUnits } });
    await queueReturnEmail(tx, row.id, 'return_rejected');
    return { releasedUnits, productSlugs };
  });
}

/** The customer withdraws a request staff have not approved yet; the exchange hold goes back to stock. */
export async function cancelReturn(requester: ReturnRequester, number: string, executor: Executor = db): Promise<{ productSlugs: string[] }> {
  return executor.transaction(async (tx) => {
    const row = await getReturnRow(tx, number);
    // Ownership through the order: another customer's return is not found, the same as a made-up number.
    await lockOrderFor(tx, requester, row.orderNumber);
    if (!(await moveReturn(tx, row.id, ['requested'], { status: 'cancelled', cancelledAt: new Date() }))) await refuseMove(tx, row.id, 'cancelled');
    const actorId = requester.kind === 'staff' ? requester.actor.user.id : null;
    const { units: released, productSlugs } = await releaseHolds(tx, row, actorId);
    await timeline(tx, row.id, actorId, 'cancelled', `Cancelled${requester.kind === 'staff' ? ` by ${requester.actor.user.email}` : ' by the customer'}.`);
    await orderTimeline(tx, row.orderId, actorId, 'return_cancelled', `Return ${row.number} cancelled`);
    await audit(tx, requester.kind === 'staff' ? requester.actor : `customer:${requester.kind}`, { action: 'return.cancel', entityType: 'return', entityId: row.id, after: { status: 'cancelled', releasedUnits: released } });
    return { productSlugs };
  });
}

/**
 * The parcel arrived: each line goes back to stock or is written off, through the inventory ledger (a write-off is
 * recorded as returned then damaged, so the ledger shows the unit came back and why it is not for sale). Once: the
 * move from "approved" is conditional, so a second receipt (another tab, another person) is refused and moves no stock.
 */
export async function receiveReturn(actor: AuditActor, input: ReceiveReturnInput, executor: Executor = db): Promise<{ restocked: number; writtenOff: number; productSlugs: string[] }> {
  return executor.transaction(async (tx) => {
    const row = await getReturnRow(tx, input.number);
    const lines = await tx
      .select({ id: returnLines.id, quantity: returnLines.quantity, variantId: orderLines.variantId, productId: orderLines.productId })
      .from(returnLines)
      .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
      .where(eq(returnLines.returnId, row.id));
    const missing = lines.filter((line) => !input.dispositions[line.id]);
    if (missing.length > 0) {
      throw new AppError('validation_failed', 'Choose restock or write off for every item.', { fieldErrors: Object.fromEntries(missing.map((line) => [`disposition_${line.id}`, ['Choose restock or write off.']])) });
    }
    if (!(await moveReturn(tx, row.id, ['approved'], { status: 'received', receivedAt: new Date() }))) await refuseMove(tx, row.id, 'received');
    let restocked = 0;
    let writtenOff = 0;
    for (const line of [...lines].sort((a, b) => (a.variantId ?? '').localeCompare(b.variantId ?? ''))) {
      const disposition: ReturnDisposition = input.dispositions[line.id]!;
      await tx.update(returnLines).set({ disposition }).where(eq(returnLines.id, line.id));
      if (disposition === 'restock') restocked += line.quantity;
      else writtenOff += line.quantity;
      // A variant deleted since the order has no stock to move; the disposition is still recorded.
      if (!line.variantId) continue;
      const note = `Return ${row.number}`;
      await moveStock(tx, { variantId: line.variantId, delta: line.quantity, reason: 'returned', orderId: row.orderId, actorId: actor.user.id, note });
      if (disposition === 'write_off') {
        await moveStock(tx, { variantId: line.variantId, delta: -line.quantity, reason: 'damaged', orderId: row.orderId, actorId: actor.user.id, note: `${note}: written off` });
      }
    }
    const message = `Received by ${actor.user.email}: ${restocked} back in stock, ${writtenOff} written off.`;
    await timeline(tx, row.id, actor.user.id, 'received', message);
    await orderTimeline(tx, row.orderId, actor.user.id, 'return_received', `Return ${row.number} received: ${restocked} restocked, ${writtenOff} written off`);
    await recordAudit(tx, actor, { action: 'return.receive', entityType: 'return', entityId: row.id, before: { status: 'approved' }, after: { status: 'received', dispositions: input.dispositions } });
    const productIds = [...new Set(lines.map((line) => line.productId).filter((id): id is string => id !== null))];
    const slugs = productIds.length > 0 ? await tx.select({ slug: products.slug }).from(products).where(inArray(products.id, productIds)) : [];
    return { restocked, writtenOff, productSlugs: slugs.map((row) => row.slug) };
  });
}

export type CompletedReturn = { refundCents: number; refundMethod: ReturnRefundMethod; refundId: string | null; exchangeOrderNumber: string | null };

/** What the lines sent back for a refund are worth, less the fee. */
async function refundDue(tx: Executor, row: LockedReturn): Promise<number> {
  const lines = await tx
    .select({ orderLineId: returnLines.orderLineId, quantity: returnLines.quantity, lineTotalCents: orderLines.totalCents, lineQuantity: orderLines.quantity, createdAt: returns.createdAt, returnId: returns.id })
    .from(returnLines)
    .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
    .innerJoin(returns, eq(returns.id, returnLines.returnId))
    .where(and(eq(returns.id, row.id), sql`${returnLines.exchangeVariantId} is null`));
  const worth: number[] = [];
  for (const line of lines) {
    // Units of the line given back by earlier returns, so its parts never add up to more than it cost.
    const [earlier] = await tx
      .select({ units: sql<number>`coalesce(sum(${returnLines.quantity}), 0)::int` })
      .from(returnLines)
      .innerJoin(returns, eq(returns.id, returnLines.returnId))
      .where(
        and(
          eq(returnLines.orderLineId, line.orderLineId),
          notInArray(returns.status, [...FREED]),
          sql`(${returns.createdAt}, ${returns.id}) < (${line.createdAt.toISOString()}::timestamptz, ${line.returnId}::uuid)`,
        ),
      );
    worth.push(lineRefundCents({ totalCents: line.lineTotalCents, quantity: line.lineQuantity }, line.quantity, Number(earlier?.units ?? 0)));
  }
  return returnRefundCents(worth, row.shippingFeeCents);
}

/** The exchanged variants ship as a new, zero-priced order linked to the return; their held stock becomes its stock. */
async function createExchangeOrder(tx: Transaction, row: LockedReturn, actor: AuditActor): Promise<string | null> {
  const held = await tx
    .update(returnLines)
    .set({ exchangeHeld: false })
    .where(and(eq(returnLines.returnId, row.id), eq(returnLines.exchangeHeld, true)))
    .returning({ variantId: returnLines.exchangeVariantId, quantity: returnLines.quantity });
  const wanted = held.filter((line): line is { variantId: string; quantity: number } => line.variantId !== null);
  if (wanted.length === 0) return null;
  const [original] = await tx.select().from(orders).where(eq(orders.id, row.orderId));
  const items = await tx
    .select({ id: variants.id, sku: variants.sku, title: variants.title, productId: variants.productId, productTitle: products.title })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(inArray(variants.id, wanted.map((line) => line.variantId)));
  const number = newOrderNumber();
  const now = new Date();
  const [created] = await tx
    .insert(orders)
    .values({
      number,
      userId: original!.userId,
      customerId: original!.customerId,
      email: original!.email,
      status: 'paid',
      paymentStatus: 'paid',
      currency: original!.currency,
      marketCode: original!.marketCode,
      exchangeRate: original!.exchangeRate,
      subtotalCents: 0,
      totalCents: 0,
      taxInclusive: original!.taxInclusive,
      shippingAddress: original!.shippingAddress,
      billingAddress: original!.billingAddress,
      shippingMethod: original!.shippingMethod,
      paymentProvider: 'manual',
      customerNote: `Exchange for return ${row.number} of order ${row.orderNumber}`,
      paidAt: now,
    })
    .returning({ id: orders.id });
  const exchangeOrderId = created!.id;
  await tx.insert(orderLines).values(
    wanted.map((line) => {
      const item = items.find((candidate) => candidate.id === line.variantId)!;
      return { orderId: exchangeOrderId, productId: item.productId, variantId: item.id, productTitle: item.productTitle, variantTitle: item.title, sku: item.sku, unitPriceCents: 0, quantity: line.quantity, totalCents: 0 };
    }),
  );
  await orderTimeline(tx, exchangeOrderId, actor.user.id, 'placed', `Exchange order for return ${row.number} of order ${row.orderNumber} (no charge); stock was held when the return was requested.`, { returnId: row.id });
  await tx.update(returns).set({ exchangeOrderId }).where(eq(returns.id, row.id));
  return number;
}

/**
 * Settles a received return: the exchange order is created, and the refund lines are paid back to store credit (the
 * store-credit ledger) or the original payment (the staff refund path, so refunds across returns and direct refunds
 * never exceed what was captured, and Stripe keeps its idempotency key). Once: "received" → "completing" is
 * conditional; a refund the provider refuses puts the return back to "received" for another try.
 */
export async function completeReturn(
  actor: AuditActor,
  number: string,
  options: { refundMethod?: ReturnRefundMethod } = {},
  refunders: Refunders = defaultRefunders(),
  executor: Executor = db,
): Promise<CompletedReturn> {
  const started = await executor.transaction(async (tx) => {
    const row = await getReturnRow(tx, number);
    const refundMethod = options.refundMethod ?? row.refundMethod;
    if (!(await moveReturn(tx, row.id, ['received'], { status: 'completing', refundMethod }))) await refuseMove(tx, row.id, 'completed');
    const refundCents = await refundDue(tx, row);
    const exchangeOrderNumber = row.exchangeOrderId ? null : await createExchangeOrder(tx, row, actor);
    if (refundMethod === 'store_credit' || refundCents === 0) {
      if (refundCents > 0) {
        if (!row.customerId) throw new AppError('conflict', 'This order has no customer to hold store credit. Refund to the original payment instead.');
        await adjustStoreCredit(actor, { customerId: row.customerId, currency: row.currency, deltaCents: refundCents, reason: `Return ${row.number}` }, tx);
      }
      await finish(tx, row, actor, { refundCents, refundMethod, refundId: null, exchangeOrderNumber });
      return { row, refundCents, refundMethod, exchangeOrderNumber, done: true };
    }
    await timeline(tx, row.id, actor.user.id, 'refund_started', `Refund of ${fmt(refundCents, row.currency)} to the original payment started.`);
    return { row, refundCents, refundMethod, exchangeOrderNumber, done: false };
  });
  if (started.done) return { refundCents: started.refundCents, refundMethod: started.refundMethod, refundId: null, exchangeOrderNumber: started.exchangeOrderNumber };

  const { row, refundCents } = started;
  let refundId: string;
  try {
    ({ refundId } = await refundOrder(actor, row.orderNumber, { currency: row.currency, amountCents: refundCents, reason: `Return ${row.number}` }, refunders, executor));
  } catch (error) {
    await executor.transaction(async (tx) => {
      await moveReturn(tx, row.id, ['completing'], { status: 'received' });
      const why = error instanceof AppError ? error.message : 'the payment provider did not answer';
      await timeline(tx, row.id, actor.user.id, 'refund_failed', `Refund not made: ${why}`);
      await recordAudit(tx, actor, { action: 'return.refund_failed', entityType: 'return', entityId: row.id, after: { reason: why } });
    });
    throw error;
  }
  await executor.transaction(async (tx) => {
    await finish(tx, row, actor, { refundCents, refundMethod: 'original_payment', refundId, exchangeOrderNumber: started.exchangeOrderNumber });
  });
  return { refundCents, refundMethod: 'original_payment', refundId, exchangeOrderNumber: started.exchangeOrderNumber };
}

async function finish(tx: Transaction, row: LockedReturn, actor: AuditActor, result: CompletedReturn): Promise<void> {
  if (!(await moveReturn(tx, row.id, ['completing'], { status: 'completed', completedAt: new Date(), refundCents: result.refundCents, refundId: result.refundId }))) {
    await refuseMove(tx, row.id, 'completed');
  }
  const parts: string[] = [];
  if (result.refundCents > 0) parts.push(`${fmt(result.refundCents, row.currency)} refunded to ${result.refundMethod === 'store_credit' ? 'store credit' : 'the original payment'}`);
  if (result.exchangeOrderNumber) parts.push(`exchange order ${result.exchangeOrderNumber} created`);
  const message = `Completed by ${actor.user.email}${parts.length > 0 ? `: ${parts.join('; ')}` : ''}.`;
  await timeline(tx, row.id, actor.user.id, 'completed', message);
  await orderTimeline(tx, row.orderId, actor.user.id, 'return_completed', `Return ${row.number} completed${parts.length > 0 ? `: ${parts.join('; ')}` : ''}`);
  await recordAudit(tx, actor, { action: 'return.complete', entityType: 'return', entityId: row.id, before: { status: 'received' }, after: { status: 'completed', ...result } });
}
