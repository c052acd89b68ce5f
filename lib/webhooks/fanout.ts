import 'server-only';
import { arrayContains, eq, and } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { getAdminProduct } from '@/lib/catalog/products/api';
import { getAdminCustomer } from '@/lib/customers/api';
import { getInventoryLevel } from '@/lib/inventory/api';
import { getAdminOrderById } from '@/lib/orders/api';
import type { OutboxHandler } from '@/lib/outbox/handlers';
import { WEBHOOK_OUTBOX_EVENT } from './enqueue';
import { WEBHOOK_API_VERSION, type WebhookSubject } from './events';
import { WEBHOOK_RETRY_WINDOW_MS } from './service';

// The outbox handler of `webhook.event`: after the change committed, one delivery per enabled endpoint subscribed to
// the event, each carrying the Admin API's DTO of the subject as it is now. It runs in the outbox's transaction, so
// an event is fanned out exactly once.

async function dtoOf(subject: WebhookSubject, executor: Executor): Promise<unknown> {
  switch (subject.kind) {
    case 'order':
      return getAdminOrderById(subject.id, executor);
    case 'product':
      return getAdminProduct(subject.id, executor);
    case 'variant':
      return getInventoryLevel(subject.id, executor);
    case 'customer':
      return getAdminCustomer(subject.id, executor);
  }
}

export async function fanOutWebhookEvent(payload: Record<string, unknown>, executor: Executor): Promise<number> {
  const eventType = String(payload.eventType);
  const endpoints = await executor
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.enabled, true), arrayContains(webhookEndpoints.eventTypes, [eventType])));
  if (endpoints.length === 0) return 0;
  const data = await dtoOf(payload.subject as WebhookSubject, executor);
  // The subject is gone (deleted before the fan-out): nothing meaningful to send.
  if (data === null) return 0;
  const message = { type: eventType, timestamp: String(payload.occurredAt), api_version: WEBHOOK_API_VERSION, data };
  const giveUpAt = new Date(Date.now() + WEBHOOK_RETRY_WINDOW_MS);
  await executor
    .insert(webhookDeliveries)
    .values(endpoints.map((endpoint) => ({ endpointId: endpoint.id, messageId: String(payload.eventId), eventType, payload: message, giveUpAt })));
  return endpoints.length;
}

export const webhookOutboxHandlers: Record<string, OutboxHandler> = {
  [WEBHOOK_OUTBOX_EVENT]: { run: async (payload, ctx) => void (await fanOutWebhookEvent(payload, ctx.executor)) },
};
