import type { OrderPaymentStatus, OrderStatus } from '@/db/schema';


// The order lifecycle as staff drive it. Pure: it decides which moves are legal from what an order looks like now;
// the service (lib/admin/orders/service.ts) applies a legal move in one transaction, re-checking under a row lock.
//
//   pending ──mark_paid──▶ paid ──fulfill (last units)──▶ fulfilled ──mark_delivered──▶ delivered
//      │                    │  └─fulfill (some units)─┐
//      └──────cancel────────┴──▶ cancelled  (only while nothing has shipped)
//
// Refunds move the payment status, never the order status: paid → partially_refunded → refunded. They are legal
// whenever money was captured and not all of it has been returned, including on a cancelled order.

export const ORDER_TRANSITIONS = ['mark_paid', 'fulfill', 'mark_delivered', 'cancel', 'refund'] as const;
export type OrderTransition = (typeof ORDER_TRANSITIONS)[number];

export type OrderMachineState = {
  status: OrderStatus;
  paymentStatus: OrderPaymentStatus;
  paymentProvider: string;
  /** Units shipped so far, over all lines. */
  shippedUnits: number;
  /** Units ordered, over all lines. */
  orderedUnits: number;
  /** Captured minus refunded, minor units. */
  refundableCents: number;
};

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

const ok: TransitionCheck = { ok: true };
const no = (reason: string): TransitionCheck => ({ ok: false, reason });

/** Whether `transition` may be applied to an order in `state`, and if not, a sentence staff can act on. */
export function checkTransition(state: OrderMachineState, transition: OrderTransition): TransitionCheck {
  const cancelled = state.status === 'cancelled';
  switch (transition) {
    case 'mark_paid':
      if (cancelled) return no('This order is cancelled.');
      if (state.paymentProvider !== 'manual') return no('Card payments are marked paid by the payment provider, not by hand.');
      if (state.paymentStatus !== 'unpaid' || state.status !== 'pending') return no('This order is already paid.');
      return ok;
    case 'fulfill':
      if (cancelled) return no('This order is cancelled.');
      if (state.status === 'pending') return no('This order is not paid yet.');
      if (state.status !== 'paid' || state.shippedUnits >= state.orderedUnits) return no('Everything in this order has already shipped.');
      return ok;
    case 'mark_delivered':
      if (state.status === 'delivered') return no('This order is already marked delivered.');
      if (state.status !== 'fulfilled') return no('Only an order that has shipped in full can be marked delivered.');
      return ok;
    case 'cancel':
      if (cancelled) return no('This order is already cancelled.');
      if (state.status !== 'pending' && state.status !== 'paid') return no('This order has shipped and can no longer be cancelled.');
      if (state.shippedUnits > 0) return no('Part of this order has shipped; it can no longer be cancelled.');
      return ok;
    case 'refund':
      // Driven by the money actually captured, not the order's payment status: a card payment that succeeds after
      // the order was cancelled leaves the order "unpaid" (the webhook never revives a cancelled order) yet holds
      // money that must be returnable.
      if (state.refundableCents > 0) return ok;
      if (state.paymentStatus === 'unpaid') return no('Nothing has been paid on this order, so there is nothing to refund.');
      return no('This order has been refunded in full.');
  }
}

/** The moves staff may make now, in display order. */
export function legalTransitions(state: OrderMachineState): OrderTransition[] {
  return ORDER_TRANSITIONS.filter((transition) => checkTransition(state, transition).ok);
}

/** Order status after shipping `units` more (a partial shipment leaves the order "paid"). */
export function statusAfterFulfilment(state: Pick<OrderMachineState, 'shippedUnits' | 'orderedUnits'>, units: number): 'paid' | 'fulfilled' {
  return state.shippedUnits + units >= state.orderedUnits ? 'fulfilled' : 'paid';
}

/** Payment status after refunding `amountCents` more of `capturedCents`, of which `refundedCents` went back already. */
export function paymentStatusAfterRefund(capturedCents: number, refundedCents: number, amountCents: number): 'partially_refunded' | 'refunded' {
  return refundedCents + amountCents >= capturedCents ? 'refunded' : 'partially_refunded';
}

/** What staff see as the shipping state of an order (the customer sees the same words). */
export function fulfilmentLabel(state: Pick<OrderMachineState, 'status' | 'shippedUnits' | 'orderedUnits'>): string {
  if (state.status === 'delivered') return 'Delivered';
  if (state.status === 'cancelled' && state.shippedUnits === 0) return 'Not shipped (cancelled)';
  if (state.shippedUnits === 0) return 'Not shipped';
  if (state.shippedUnits < state.orderedUnits) return 'Partially shipped';
  return 'Shipped';
}
