'use server';

import { revalidatePath } from 'next/cache';
import { invalidateProductPages } from '@/lib/catalog/cache';
import { adminAction, staffAction } from '@/lib/auth/guards';
import { type ActionContext } from '@/lib/http/action';
import type { SessionUser } from '@/lib/auth/session-types';
import { deliverOrderEmails, deliverOrderShipped, resendOrderConfirmation } from '@/lib/orders/notifications';
import { addOrderNoteSchema, bulkFulfillSchema, bulkOrderNumbersSchema, cancelOrderSchema, fulfillOrderSchema, orderRefSchema, refundOrderSchema } from '@/lib/orders/schemas';
import { addOrderNote, type BulkOrderOutcome, cancelOrder, fulfillOrder, fulfillOrders, markOrderDelivered, markOrderPaid, markOrdersPaid, refundOrder } from '@/lib/orders/service';

// Staff moves on an order: authorise (the wrapper) → parse → service (one transaction each) → after commit, send
// mail and refresh what changed. Staff may do everything but refunds, which are admin-only.

function actor(ctx: ActionContext<SessionUser>) {
  return { user: ctx.user, requestId: ctx.requestId, ip: ctx.ip };
}

function refreshOrder(number: string) {
  revalidatePath(`/admin/orders/${number}`);
  revalidatePath('/admin/orders');
  revalidatePath('/admin');
}

export const markOrderPaidAction = staffAction(orderRefSchema, async (input, ctx) => {
  await markOrderPaid(actor(ctx), input.number);
  refreshOrder(input.number);
  return { message: 'Marked as paid.' };
});

export const fulfillOrderAction = staffAction(fulfillOrderSchema, async ({ number, ...input }, ctx) => {
  const result = await fulfillOrder(actor(ctx), number, input);
  // After commit: the shipped email comes from the outbox event; a mail failure never undoes the shipment.
  await deliverOrderShipped(result.fulfillmentId).catch((error: unknown) => ctx.log.error({ err: error }, 'shipping email failed'));
  refreshOrder(number);
  return { message: result.status === 'fulfilled' ? 'Shipped. The customer has been emailed the tracking number.' : `Shipped ${result.units} item${result.units === 1 ? '' : 's'}; the rest is still to ship. The customer has been emailed.` };
});

export const markOrderDeliveredAction = staffAction(orderRefSchema, async (input, ctx) => {
  const { orderId } = await markOrderDelivered(actor(ctx), input.number);
  await deliverOrderEmails({ type: 'order', id: orderId }).catch((error: unknown) => ctx.log.error({ err: error }, 'delivery email failed'));
  refreshOrder(input.number);
  return { message: 'Marked as delivered.' };
});

export const cancelOrderAction = staffAction(cancelOrderSchema, async (input, ctx) => {
  const result = await cancelOrder(actor(ctx), input.number, input.reason);
  // Stock came back: the products' pages must show it at once.
  invalidateProductPages(result.productSlugs);
  refreshOrder(input.number);
  return { message: `Order cancelled; ${result.restockedUnits} item${result.restockedUnits === 1 ? '' : 's'} returned to stock.` };
});

export const refundOrderAction = adminAction(refundOrderSchema, async ({ number, ...input }, ctx) => {
  const result = await refundOrder(actor(ctx), number, input);
  await deliverOrderEmails({ type: 'refund', id: result.refundId }).catch((error: unknown) => ctx.log.error({ err: error }, 'refund email failed'));
  refreshOrder(number);
  return { message: result.paymentStatus === 'refunded' ? 'Refunded in full.' : 'Partial refund recorded.' };
});

export const addOrderNoteAction = staffAction(addOrderNoteSchema, async (input, ctx) => {
  await addOrderNote(actor(ctx), input.number, input.note);
  revalidatePath(`/admin/orders/${input.number}`);
  return { message: 'Note added to the timeline.' };
});

export const resendOrderConfirmationAction = staffAction(orderRefSchema, async (input, ctx) => {
  // A repeat within a few seconds (a double-click) answers with the first copy and sends nothing more.
  const result = await resendOrderConfirmation(actor(ctx), input.number);
  refreshOrder(input.number);
  return { message: result.status === 'stored' ? 'Confirmation stored again (no SMTP server is configured, so it was not sent).' : 'Confirmation email sent again.' };
});

/** What a bulk move answers: how many changed, and each skipped order with the reason the rules gave. */
export type BulkOrderSummary = { changed: string[]; skipped: { number: string; reason: string }[] };

function summarise<T>(outcome: BulkOrderOutcome<T>): BulkOrderSummary {
  return { changed: outcome.changed.map((entry) => entry.number), skipped: outcome.skipped };
}

function bulkMessage(done: string) {
  return ({ changed, skipped }: BulkOrderSummary) => {
    const head = `${changed.length} order${changed.length === 1 ? '' : 's'} ${done}.`;
    return skipped.length === 0 ? head : `${head} ${skipped.length} skipped.`;
  };
}

export const markOrdersPaidAction = staffAction(
  bulkOrderNumbersSchema,
  async (input, ctx) => {
    const outcome = await markOrdersPaid(actor(ctx), input.numbers);
    for (const { number } of outcome.changed) refreshOrder(number);
    ctx.log.info({ changed: outcome.changed.length, skipped: outcome.skipped.length }, 'orders marked paid');
    return summarise(outcome);
  },
  { successMessage: bulkMessage('marked paid') },
);

export const fulfillOrdersAction = staffAction(
  bulkFulfillSchema,
  async (input, ctx) => {
    const outcome = await fulfillOrders(
      actor(ctx),
      input.shipments.map((shipment) => ({ number: shipment.number, carrier: input.carrier, trackingNumber: shipment.trackingNumber })),
    );
    // After each commit, as for one order: a mail failure never undoes a shipment.
    for (const { number, result } of outcome.changed) {
      await deliverOrderShipped(result.fulfillmentId).catch((error: unknown) => ctx.log.error({ err: error, number }, 'shipping email failed'));
      refreshOrder(number);
    }
    ctx.log.info({ changed: outcome.changed.length, skipped: outcome.skipped.length }, 'orders fulfilled');
    return summarise(outcome);
  },
  { successMessage: bulkMessage('shipped') },
);
