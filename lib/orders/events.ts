import 'server-only';
import type { OutboxHandler } from '@/lib/outbox/handlers';
import { ORDER_REFUNDED_EVENT } from '@/lib/payments/refund-event';
import { handleOrderDelivered, handleOrderPlaced, handleOrderRefunded, handleOrderShipped } from './notifications';

/** The orders domain's outbox events, registered at boot (lib/startup/outbox.ts). */
export const orderOutboxHandlers: Record<string, OutboxHandler> = {
  'order.placed': { run: (payload, ctx) => handleOrderPlaced(String(payload.orderId), ctx) },
  'order.shipped': { run: (payload, ctx) => handleOrderShipped(String(payload.fulfillmentId), ctx) },
  'order.delivered': { run: (payload, ctx) => handleOrderDelivered(String(payload.orderId), ctx) },
  [ORDER_REFUNDED_EVENT]: { run: (payload, ctx) => handleOrderRefunded(String(payload.refundId), ctx) },
};
