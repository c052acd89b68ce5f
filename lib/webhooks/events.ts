// The events an endpoint can subscribe to. Each payload is `{ type, timestamp, api_version, data }`, where `data` is
// the Admin API's DTO of the subject (an AdminOrder, AdminProduct, InventoryLevel or AdminCustomer).

export const webhookEventTypes = [
  'order.created',
  'order.paid',
  'order.fulfilled',
  'order.cancelled',
  'order.refunded',
  'product.created',
  'product.updated',
  'inventory.low',
  'inventory.out_of_stock',
  'customer.created',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Sent by "Send test event" in the panel, to every endpoint whatever it subscribes to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** The payload's version: changes only when a DTO changes incompatibly. */
export const WEBHOOK_API_VERSION = '2026-12-01';

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'order.created': 'Order placed',
  'order.paid': 'Order paid',
  'order.fulfilled': 'Order fulfilled (last unit shipped)',
  'order.cancelled': 'Order cancelled',
  'order.refunded': 'Order refunded (in part or in full)',
  'product.created': 'Product created',
  'product.updated': 'Product updated',
  'inventory.low': 'Stock fell to the low-stock threshold',
  'inventory.out_of_stock': 'Stock ran out',
  'customer.created': 'Customer created (an account registered, or a guest’s first order)',
};

/** What an event is about, for building its payload when it is fanned out. */
export type WebhookSubject = { kind: 'order' | 'product' | 'variant' | 'customer'; id: string };
