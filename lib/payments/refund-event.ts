// The outbox event that sends the refund email, written in the transaction that records a settled refund: by the
// store's own refund (lib/orders/service.ts) or by the Stripe webhook for one made in Stripe's dashboard. One refund
// row is settled once, so the email goes out once whoever settled it.

export const ORDER_REFUNDED_EVENT = 'order.refunded';

export function refundedOutboxEvent(refundId: string, orderId: string) {
  return { type: ORDER_REFUNDED_EVENT, aggregateType: 'refund', aggregateId: refundId, payload: { refundId, orderId } };
}
