import 'server-only';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { db, type Executor, type Transaction } from '@/db/client';
import {
  discountCodes,
  discountRedemptions,
  fulfillmentLines,
  fulfillments,
  orderEvents,
  orderLines,
  orders,
  outboxEvents,
  payments,
  products,
  refunds,
} from '@/db/schema';
import { type AuditActor, recordAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { moveStock } from '@/lib/inventory/stock';
import { formatMoney, money } from '@/lib/money';
import { refundedOutboxEvent } from '@/lib/payments/refund-event';
import { defaultRefunders, type Refunders } from '@/lib/payments/refunds';
import {
  checkTransition,
  type OrderMachineState,
  type OrderTransition,
  paymentStatusAfterRefund,
  statusAfterFulfilment,
} from '@/lib/orders/state-machine';
import { ORDER_NOTE_EVENT, type FulfillOrderInput, type RefundOrderInput } from '@/lib/orders/schemas';
import { enqueueWebhookEvent } from '@/lib/webhooks/enqueue';
import { describeRestored, issueGiftCardsForOrder, restoreOrderTenders } from '@/lib/gift-cards/service';

// Staff moves on an order. Each one is a single transaction that (1) locks the order row, (2) re-checks the move
// against the state machine on what it reads under that lock, (3) writes with a conditional UPDATE on the status it
// saw, and (4) records an order_events row (the timeline) and an audit row. Two tabs clicking "Cancel" queue on the
// lock: the second sees "cancelled" and is refused, so stock comes back exactly once.
// Lock order everywhere: orders row → payments row → variant rows in id order (the Stripe webhook also locks the
// order first), so these flows cannot deadlock each other.

type LockedOrder = {
  id: string;
  number: string;
  email: string;
  status: OrderMachineState['status'];
  paymentStatus: OrderMachineState['paymentStatus'];
  paymentProvider: string;
  currency: string;
  totalCents: number;
  /** Total less what gift cards and store credit paid at placement: what a payment collects. */
  amountDueCents: number;
  refundedCents: number;
  discountCodeId: string | null;
};

async function lockOrder(tx: Transaction, number: string): Promise<LockedOrder> {
  const [order] = await tx
    .select({
      id: orders.id,
      number: orders.number,
      email: orders.email,
      status: orders.status,
      paymentStatus: orders.paymentStatus,
      paymentProvider: orders.paymentProvider,
      currency: orders.currency,
      totalCents: orders.totalCents,
      amountDueCents: sql<number>`${orders.totalCents} - ${orders.giftCardCents} - ${orders.storeCreditCents}`.mapWith(Number),
      refundedCents: orders.refundedCents,
      discountCodeId: orders.discountCodeId,
    })
    .from(orders)
    .where(eq(orders.number, number))
    .for('update');
  if (!order) throw new AppError('not_found', 'No such order.');
  return order;
}

async function machineState(tx: Executor, order: LockedOrder): Promise<OrderMachineState> {
  const [ordered] = await tx
    .select({ units: sql<number>`coalesce(sum(${orderLines.quantity}), 0)::int` })
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id));
  const [shipped] = await tx
    .select({ units: sql<number>`coalesce(sum(${fulfillmentLines.quantity}), 0)::int` })
    .from(fulfillmentLines)
    .innerJoin(fulfillments, eq(fulfillments.id, fulfillmentLines.fulfillmentId))
    .where(eq(fulfillments.orderId, order.id));
  const [captured] = await tx
    .select({ cents: sql<number>`coalesce(sum(${payments.amountCents} - ${payments.refundedCents}), 0)::int` })
    .from(payments)
    .where(and(eq(payments.orderId, order.id), eq(payments.status, 'succeeded')));
  return {
    status: order.status,
    paymentStatus: order.paymentStatus,
    paymentProvider: order.paymentProvider,
    orderedUnits: Number(ordered?.units ?? 0),
    shippedUnits: Number(shipped?.units ?? 0),
    refundableCents: Number(captured?.cents ?? 0),
  };
}

function assertLegal(state: OrderMachineState, transition: OrderTransition): void {
  const check = checkTransition(state, transition);
  if (!check.ok) throw new AppError('conflict', check.reason);
}

/** The conditional write every move ends with: zero rows means the order changed under us, and nothing is kept. */
async function moveOrder(tx: Transaction, order: LockedOrder, values: Partial<typeof orders.$inferInsert>) {
  const moved = await tx
    .update(orders)
    .set(values)
    .where(and(eq(orders.id, order.id), eq(orders.status, order.status), eq(orders.paymentStatus, order.paymentStatus)))
    .returning({ id: orders.id });
  if (moved.length === 0) throw new AppError('conflict', 'This order was changed by someone else. Reload and try again.');
}

async function timeline(tx: Transaction, orderId: string, actor: AuditActor, type: string, message: string, data?: Record<string, unknown>) {
  await tx.insert(orderEvents).values({ orderId, type, message, data: data ?? null, actorId: actor.user.id });
}

const fmt = (cents: number, currency: string) => formatMoney(money(cents, currency));

/** Manual payments only: staff confirm the bank transfer (or cash) arrived. Records the captured payment. */
export async function markOrderPaid(actor: AuditActor, number: string, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const order = await lockOrder(tx, number);
    assertLegal(await machineState(tx, order), 'mark_paid');
    const now = new Date();
    const [existing] = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.orderId, order.id), eq(payments.provider, 'manual'), inArray(payments.status, ['pending', 'requires_action'])))
      .limit(1)
      .for('update');
    if (existing) {
      await tx.update(payments).set({ status: 'succeeded', amountCents: order.amountDueCents, capturedAt: now }).where(eq(payments.id, existing.id));
    } else {
      await tx.insert(payments).values({ orderId: order.id, provider: 'manual', status: 'succeeded', amountCents: order.amountDueCents, currency: order.currency, capturedAt: now });
    }
    await moveOrder(tx, order, { status: 'paid', paymentStatus: 'paid', paidAt: now });
    await enqueueWebhookEvent(tx, 'order.paid', { kind: 'order', id: order.id });
    await timeline(tx, order.id, actor, 'paid', `Marked paid (${fmt(order.amountDueCents, order.currency)}, manual payment)`);
    // Gift cards bought in this order are issued (and mailed) with the payment, once.
    const issued = await issueGiftCardsForOrder(tx, order.id);
    if (issued > 0) await timeline(tx, order.id, actor, 'gift_cards_issued', `${issued} gift card${issued === 1 ? '' : 's'} issued and emailed`);
    await recordAudit(tx, actor, {
      action: 'order.mark_paid',
      entityType: 'order',
      entityId: order.id,
      before: { status: order.status, paymentStatus: order.paymentStatus },
      after: { status: 'paid', paymentStatus: 'paid', amountCents: order.amountDueCents },
    });
  });
}

export type FulfilmentResult = { fulfillmentId: string; status: 'paid' | 'fulfilled'; units: number };

/**
 * Ships all remaining units (no `lines`) or the chosen quantities. The order becomes "fulfilled" when its last
 * unit ships. The shipped email is an outbox event written here and delivered after commit (deliverOrderShipped).
 */
export async function fulfillOrder(actor: AuditActor, number: string, input: FulfillOrderInput, executor: Executor = db): Promise<FulfilmentResult> {
  return executor.transaction(async (tx) => {
    const order = await lockOrder(tx, number);
    const state = await machineState(tx, order);
    assertLegal(state, 'fulfill');
    const lines = await tx
      .select({
        id: orderLines.id,
        title: orderLines.productTitle,
        quantity: orderLines.quantity,
        shipped: sql<number>`coalesce((select sum(fl.quantity) from fulfillment_lines fl where fl.order_line_id = "order_lines"."id"), 0)::int`,
      })
      .from(orderLines)
      .where(eq(orderLines.orderId, order.id))
      .orderBy(asc(orderLines.createdAt), asc(orderLines.id));
    const requested = input.lines ?? lines.map((line) => ({ orderLineId: line.id, quantity: line.quantity - Number(line.shipped) }));
    const picks: { orderLineId: string; quantity: number }[] = [];
    const fieldErrors: Record<string, string[]> = {};
    for (const pick of requested) {
      if (pick.quantity === 0) continue;
      const line = lines.find((candidate) => candidate.id === pick.orderLineId);
      if (!line) throw new AppError('validation_failed', 'A chosen line is not part of this order.');
      const remaining = line.quantity - Number(line.shipped);
      if (pick.quantity > remaining) {
        fieldErrors[`qty.${line.id}`] = [remaining === 0 ? `${line.title} has already shipped.` : `At most ${remaining} of ${line.title} can still ship.`];
      } else {
        picks.push(pick);
      }
    }
    if (Object.keys(fieldErrors).length > 0) throw new AppError('validation_failed', 'Some quantities are more than is left to ship.', { fieldErrors });
    const units = picks.reduce((sum, pick) => sum + pick.quantity, 0);
    if (units === 0) throw new AppError('validation_failed', 'Choose at least one item to ship.', { fieldErrors: { lines: ['Choose at least one item to ship.'] } });

    const [fulfillment] = await tx
      .insert(fulfillments)
      .values({ orderId: order.id, carrier: input.carrier, trackingNumber: input.trackingNumber, trackingUrl: input.trackingUrl ?? null, actorId: actor.user.id })
      .returning({ id: fulfillments.id });
    await tx.insert(fulfillmentLines).values(picks.map((pick) => ({ fulfillmentId: fulfillment!.id, orderLineId: pick.orderLineId, quantity: pick.quantity })));
    const status = statusAfterFulfilment(state, units);
    if (status === 'fulfilled') {
      await moveOrder(tx, order, { status: 'fulfilled', fulfilledAt: new Date() });
      await enqueueWebhookEvent(tx, 'order.fulfilled', { kind: 'order', id: order.id });
    }
    else await tx.update(orders).set({ updatedAt: new Date() }).where(eq(orders.id, order.id));
    const partial = status === 'paid';
    await timeline(
      tx,
      order.id,
      actor,
      'fulfilled',
      `${partial ? 'Partly shipped' : 'Shipped'} (${units} item${units === 1 ? '' : 's'}) with ${input.carrier}, tracking ${input.trackingNumber}`,
      { fulfillmentId: fulfillment!.id, carrier: input.carrier, trackingNumber: input.trackingNumber, units },
    );
    await tx.insert(outboxEvents).values({
      type: 'order.shipped',
      aggregateType: 'fulfillment',
      aggregateId: fulfillment!.id,
      payload: { orderId: order.id, number: order.number, fulfillmentId: fulfillment!.id },
    });
    await recordAudit(tx, actor, {
      action: 'order.fulfill',
      entityType: 'order',
      entityId: order.id,
      before: { status: order.status, shippedUnits: state.shippedUnits },
      after: { status, shippedUnits: state.shippedUnits + units, carrier: input.carrier, trackingNumber: input.trackingNumber, lines: picks },
    });
    return { fulfillmentId: fulfillment!.id, status, units };
  });
}

export type BulkOrderOutcome<T> = { changed: { number: string; result: T }[]; skipped: { number: string; reason: string }[] };

/**
 * A bulk move: the single-order move applied to each order in its own transaction, with the same rules. An order the
 * rules refuse (already paid, paid by card, cancelled, nothing left to ship, not found) is skipped with the reason
 * staff would have seen on that order's page; the others change. Anything unexpected stops the run and is thrown.
 */
async function eachOrder<T>(numbers: readonly string[], move: (number: string) => Promise<T>): Promise<BulkOrderOutcome<T>> {
  const outcome: BulkOrderOutcome<T> = { changed: [], skipped: [] };
  for (const number of numbers) {
    try {
      outcome.changed.push({ number, result: await move(number) });
    } catch (error) {
      if (!(error instanceof AppError) || !['conflict', 'not_found', 'validation_failed'].includes(error.code)) throw error;
      outcome.skipped.push({ number, reason: error.message });
    }
  }
  return outcome;
}

/** "Mark paid" on several manual-payment orders. */
export async function markOrdersPaid(actor: AuditActor, numbers: readonly string[], executor: Executor = db): Promise<BulkOrderOutcome<null>> {
  return eachOrder(numbers, async (number) => {
    await markOrderPaid(actor, number, executor);
    return null;
  });
}

/** Ships everything left on each order, with its own tracking number. */
export async function fulfillOrders(
  actor: AuditActor,
  shipments: readonly ({ number: string } & Omit<FulfillOrderInput, 'lines'>)[],
  executor: Executor = db,
): Promise<BulkOrderOutcome<FulfilmentResult>> {
  const byNumber = new Map(shipments.map((shipment) => [shipment.number, shipment]));
  return eachOrder([...byNumber.keys()], (number) => {
    const { carrier, trackingNumber, trackingUrl } = byNumber.get(number)!;
    return fulfillOrder(actor, number, { carrier, trackingNumber, trackingUrl }, executor);
  });
}

/** Marks the order delivered; the delivered email is an outbox event written here, delivered after commit. */
export async function markOrderDelivered(actor: AuditActor, number: string, executor: Executor = db): Promise<{ orderId: string }> {
  return executor.transaction(async (tx) => {
    const order = await lockOrder(tx, number);
    assertLegal(await machineState(tx, order), 'mark_delivered');
    const now = new Date();
    await moveOrder(tx, order, { status: 'delivered', deliveredAt: now });
    await tx.update(fulfillments).set({ status: 'delivered', deliveredAt: now }).where(and(eq(fulfillments.orderId, order.id), eq(fulfillments.status, 'shipped')));
    await timeline(tx, order.id, actor, 'delivered', 'Marked delivered');
    await tx.insert(outboxEvents).values({ type: 'order.delivered', aggregateType: 'order', aggregateId: order.id, payload: { orderId: order.id, number: order.number } });
    await recordAudit(tx, actor, { action: 'order.mark_delivered', entityType: 'order', entityId: order.id, before: { status: order.status }, after: { status: 'delivered' } });
    return { orderId: order.id };
  });
}

export type CancelResult = { productSlugs: string[]; restockedUnits: number };

/**
 * Cancels an order nothing of which has shipped, and puts its stock back — once: the conditional UPDATE on the status
 * read under the row lock means a second click (or a second tab) finds the order cancelled and restocks nothing.
 * The discount use is released too (the code's counter and the per-customer redemption row), because a cancelled
 * order bought nothing with it; the order itself keeps its discount snapshot. Money already captured is NOT returned
 * by cancelling: staff refund it as its own step (admins only), so the two stay separately authorised and audited.
 */
export async function cancelOrder(actor: AuditActor, number: string, reason: string, executor: Executor = db): Promise<CancelResult> {
  return executor.transaction(async (tx) => {
    const order = await lockOrder(tx, number);
    assertLegal(await machineState(tx, order), 'cancel');
    await moveOrder(tx, order, { status: 'cancelled', cancelledAt: new Date() });
    await enqueueWebhookEvent(tx, 'order.cancelled', { kind: 'order', id: order.id });

    const lines = await tx
      .select({ variantId: orderLines.variantId, productId: orderLines.productId, quantity: orderLines.quantity })
      .from(orderLines)
      .where(eq(orderLines.orderId, order.id))
      .orderBy(asc(orderLines.variantId));
    const restocked: { variantId: string; quantity: number; stockAfter: number }[] = [];
    // Variants in id order, like checkout, so a cancel and a checkout sharing variants lock them in the same order.
    for (const line of lines) {
      // A variant deleted since the order (variant_id set null) has no stock to return.
      if (!line.variantId) continue;
      const moved = await moveStock(tx, {
        variantId: line.variantId,
        delta: line.quantity,
        reason: 'order_cancelled',
        orderId: order.id,
        actorId: actor.user.id,
        note: reason || null,
        countsAsSale: true,
      });
      if (moved) restocked.push({ variantId: line.variantId, quantity: line.quantity, stockAfter: moved.quantityAfter });
    }
    let releasedDiscount = false;
    if (order.discountCodeId) {
      const removed = await tx.delete(discountRedemptions).where(eq(discountRedemptions.orderId, order.id)).returning({ id: discountRedemptions.id });
      if (removed.length > 0) {
        await tx
          .update(discountCodes)
          .set({ timesUsed: sql`${discountCodes.timesUsed} - 1` })
          .where(and(eq(discountCodes.id, order.discountCodeId), gt(discountCodes.timesUsed, 0)));
        releasedDiscount = true;
      }
    }
    // What gift cards and store credit paid goes back to them (once, whoever else gives it back concurrently).
    const restored = await restoreOrderTenders(tx, order.id, actor.user.id, reason ? `Order cancelled: ${reason}` : 'Order cancelled');
    const restoredNote = describeRestored(restored, order.currency);
    const units = restocked.reduce((sum, row) => sum + row.quantity, 0);
    await timeline(
      tx,
      order.id,
      actor,
      'cancelled',
      `Cancelled${reason ? `: ${reason}` : ''}. ${units} item${units === 1 ? '' : 's'} returned to stock${releasedDiscount ? '; discount use released' : ''}${restoredNote ? `; ${restoredNote}` : ''}.`,
      { restocked, releasedDiscount, restored },
    );
    await recordAudit(tx, actor, {
      action: 'order.cancel',
      entityType: 'order',
      entityId: order.id,
      before: { status: order.status },
      after: { status: 'cancelled', reason, restocked, releasedDiscount, restored },
    });
    const productIds = [...new Set(lines.map((line) => line.productId).filter((id): id is string => id !== null))];
    const slugs = productIds.length > 0 ? await tx.select({ slug: products.slug }).from(products).where(inArray(products.id, productIds)) : [];
    return { productSlugs: slugs.map((row) => row.slug), restockedUnits: units };
  });
}

/** A refund in full gives back what gift cards and store credit paid, once (restoreOrderTenders), on the timeline. */
async function giveBackTenders(tx: Transaction, order: LockedOrder, actor: AuditActor): Promise<void> {
  const restored = await restoreOrderTenders(tx, order.id, actor.user.id, 'Order refunded');
  const summary = describeRestored(restored, order.currency);
  if (summary) await timeline(tx, order.id, actor, 'tenders_restored', `Refunded in full: ${summary}`, { ...restored });
}

export type RefundResult = { refundId: string; amountCents: number; paymentStatus: 'partially_refunded' | 'refunded' };

/**
 * Refunds part or all of what was captured (admins only). The payment row is locked and its refunded total raised
 * with a conditional UPDATE, so concurrent refunds can never together exceed what was captured (and the CHECK
 * constraints on payments/orders are the last line of defence).
 *
 * Manual payments: the money goes back outside the store; recording it is one transaction.
 * Stripe: the amount is reserved in a first transaction (refund row "pending", totals raised), Stripe is called with
 * no lock held, and a second transaction settles it: "succeeded", or "failed" with the reservation released.
 */
export async function refundOrder(
  actor: AuditActor,
  number: string,
  input: RefundOrderInput,
  refunders: Refunders = defaultRefunders(),
  executor: Executor = db,
): Promise<RefundResult> {
  const reserved = await executor.transaction(async (tx) => {
    const order = await lockOrder(tx, number);
    assertLegal(await machineState(tx, order), 'refund');
    if (input.currency !== order.currency) throw new AppError('validation_failed', `Refunds on this order are in ${order.currency}.`, { fieldErrors: { amount: [`Enter the amount in ${order.currency}.`] } });
    const [payment] = await tx
      .select({ id: payments.id, provider: payments.provider, amountCents: payments.amountCents, refundedCents: payments.refundedCents, providerReference: payments.providerReference })
      .from(payments)
      .where(and(eq(payments.orderId, order.id), eq(payments.status, 'succeeded'), sql`${payments.refundedCents} < ${payments.amountCents}`))
      .orderBy(asc(payments.createdAt))
      .limit(1)
      .for('update');
    if (!payment) throw new AppError('conflict', 'This order has no captured payment left to refund.');
    const left = payment.amountCents - payment.refundedCents;
    if (input.amountCents > left) {
      const message = `You can refund at most ${fmt(left, order.currency)} on this order.`;
      throw new AppError('validation_failed', message, { fieldErrors: { amount: [message] } });
    }
    const raised = await tx
      .update(payments)
      .set({ refundedCents: sql`${payments.refundedCents} + ${input.amountCents}` })
      .where(and(eq(payments.id, payment.id), sql`${payments.refundedCents} + ${input.amountCents} <= ${payments.amountCents}`))
      .returning({ id: payments.id });
    if (raised.length === 0) throw new AppError('conflict', 'The refundable amount changed. Reload and try again.');
    const manual = payment.provider === 'manual';
    const paymentStatus = paymentStatusAfterRefund(payment.amountCents, payment.refundedCents, input.amountCents);
    await tx
      .update(orders)
      .set({ refundedCents: sql`${orders.refundedCents} + ${input.amountCents}`, ...(manual ? { paymentStatus } : {}) })
      .where(eq(orders.id, order.id));
    const [refund] = await tx
      .insert(refunds)
      .values({ orderId: order.id, paymentId: payment.id, amountCents: input.amountCents, currency: order.currency, reason: input.reason, status: manual ? 'succeeded' : 'pending', actorId: actor.user.id })
      .returning({ id: refunds.id });
    const amount = fmt(input.amountCents, order.currency);
    if (manual) {
      await tx.insert(outboxEvents).values(refundedOutboxEvent(refund!.id, order.id));
      await enqueueWebhookEvent(tx, 'order.refunded', { kind: 'order', id: order.id });
      if (paymentStatus === 'refunded') await giveBackTenders(tx, order, actor);
    }
    await timeline(tx, order.id, actor, manual ? 'refunded' : 'refund_requested', manual ? `Refunded ${amount}${input.reason ? `: ${input.reason}` : ''}` : `Card refund of ${amount} requested`, {
      refundId: refund!.id,
      amountCents: input.amountCents,
    });
    await recordAudit(tx, actor, {
      action: 'order.refund',
      entityType: 'order',
      entityId: order.id,
      before: { paymentStatus: order.paymentStatus, refundedCents: order.refundedCents },
      after: { paymentStatus: manual ? paymentStatus : order.paymentStatus, refundedCents: order.refundedCents + input.amountCents, amountCents: input.amountCents, reason: input.reason, provider: payment.provider, refundId: refund!.id },
    });
    return { refundId: refund!.id, payment, paymentStatus, orderId: order.id, currency: order.currency };
  });
  if (reserved.payment.provider === 'manual') return { refundId: reserved.refundId, amountCents: input.amountCents, paymentStatus: reserved.paymentStatus };

  let providerReference: string | null = null;
  let failure: string | null = null;
  try {
    ({ providerReference } = await refunders.stripe.refund({
      refundId: reserved.refundId,
      providerReference: reserved.payment.providerReference,
      amountCents: input.amountCents,
      currency: reserved.currency,
      reason: input.reason,
    }));
  } catch (error) {
    failure = error instanceof Error ? error.message.slice(0, 300) : 'unknown error';
  }
  const settled = await executor.transaction(async (tx): Promise<RefundResult | null> => {
    const order = await lockOrder(tx, number);
    const amount = fmt(input.amountCents, reserved.currency);
    if (failure !== null) {
      await tx.update(refunds).set({ status: 'failed' }).where(and(eq(refunds.id, reserved.refundId), eq(refunds.status, 'pending')));
      await tx.update(payments).set({ refundedCents: sql`${payments.refundedCents} - ${input.amountCents}` }).where(eq(payments.id, reserved.payment.id));
      await tx.update(orders).set({ refundedCents: sql`${orders.refundedCents} - ${input.amountCents}` }).where(eq(orders.id, order.id));
      await timeline(tx, order.id, actor, 'refund_failed', `Card refund of ${amount} failed: ${failure}`, { refundId: reserved.refundId });
      await recordAudit(tx, actor, { action: 'order.refund_failed', entityType: 'order', entityId: order.id, after: { refundId: reserved.refundId, reason: failure } });
      return null;
    }
    const [payment] = await tx.select({ amountCents: payments.amountCents, refundedCents: payments.refundedCents }).from(payments).where(eq(payments.id, reserved.payment.id));
    const paymentStatus = payment!.refundedCents >= payment!.amountCents ? 'refunded' : 'partially_refunded';
    await tx.update(refunds).set({ status: 'succeeded', providerReference }).where(eq(refunds.id, reserved.refundId));
    await tx.insert(outboxEvents).values(refundedOutboxEvent(reserved.refundId, order.id));
    await tx.update(orders).set({ paymentStatus }).where(eq(orders.id, order.id));
    await enqueueWebhookEvent(tx, 'order.refunded', { kind: 'order', id: order.id });
    if (paymentStatus === 'refunded') await giveBackTenders(tx, order, actor);
    await timeline(tx, order.id, actor, 'refunded', `Refunded ${amount} to the card${input.reason ? `: ${input.reason}` : ''}`, { refundId: reserved.refundId, providerReference });
    await recordAudit(tx, actor, { action: 'order.refund_settled', entityType: 'order', entityId: order.id, before: { paymentStatus: order.paymentStatus }, after: { paymentStatus, refundId: reserved.refundId, providerReference } });
    return { refundId: reserved.refundId, amountCents: input.amountCents, paymentStatus };
  });
  // Thrown after the release committed: throwing inside would roll the release back and strand the reservation.
  if (!settled) throw new AppError('unavailable', `The card refund did not go through (${failure}). Nothing was refunded.`);
  return settled;
}

/**
 * A staff member's internal note on an order: kept on the order's timeline (type "note", with its author and time)
 * and audited. Staff-only: the customer's read model (lib/orders/queries.ts customerView) has no timeline, so a note
 * can never reach the shopper's order page, the guest lookup or the Store API.
 */
export async function addOrderNote(actor: AuditActor, number: string, body: string, executor: Executor = db): Promise<{ noteId: string }> {
  return executor.transaction(async (tx) => {
    const [order] = await tx.select({ id: orders.id, number: orders.number }).from(orders).where(eq(orders.number, number));
    if (!order) throw new AppError('not_found', 'No such order.');
    const [note] = await tx
      .insert(orderEvents)
      .values({ orderId: order.id, type: ORDER_NOTE_EVENT, message: body, actorId: actor.user.id, data: { internal: true, author: actor.user.email } })
      .returning({ id: orderEvents.id });
    await recordAudit(tx, actor, { action: 'order.note_add', entityType: 'order', entityId: order.id, after: { number: order.number, note: body } });
    return { noteId: note!.id };
  });
}
