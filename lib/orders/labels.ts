// Words staff see for order and payment states (no database access: safe for client components too).

export const orderStatusesList = ['pending', 'paid', 'fulfilled', 'delivered', 'cancelled'] as const;
export const orderPaymentStatuses = ['unpaid', 'paid', 'partially_refunded', 'refunded'] as const;

export const ORDER_STATUS_LABELS: Record<(typeof orderStatusesList)[number], string> = {
  pending: 'Pending',
  paid: 'Paid',
  fulfilled: 'Fulfilled',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
};

export const PAYMENT_STATUS_LABELS: Record<(typeof orderPaymentStatuses)[number], string> = {
  unpaid: 'Unpaid',
  paid: 'Paid',
  partially_refunded: 'Partially refunded',
  refunded: 'Refunded',
};

export function orderStatusText(status: string): string {
  return ORDER_STATUS_LABELS[status as keyof typeof ORDER_STATUS_LABELS] ?? status;
}

export function paymentStatusText(status: string): string {
  return PAYMENT_STATUS_LABELS[status as keyof typeof PAYMENT_STATUS_LABELS] ?? status;
}
