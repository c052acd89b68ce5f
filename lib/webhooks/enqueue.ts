import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Executor } from '@/db/client';
import { outboxEvents } from '@/db/schema';
import type { WebhookEventType, WebhookSubject } from './events';

// Called by the domains inside the transaction of the change (an order placed, a product saved, stock moved): one
// outbox row, committed or rolled back with the change. After the commit the outbox worker fans it out to the
// subscribed endpoints (./fanout.ts). This module imports no domain, so any domain may call it.

export const WEBHOOK_OUTBOX_EVENT = 'webhook.event';

export async function enqueueWebhookEvent(executor: Executor, type: WebhookEventType, subject: WebhookSubject): Promise<void> {
  await executor.insert(outboxEvents).values({
    type: WEBHOOK_OUTBOX_EVENT,
    aggregateType: subject.kind,
    aggregateId: subject.id,
    payload: { eventId: `evt_${randomUUID().replaceAll('-', '')}`, eventType: type, subject, occurredAt: new Date().toISOString() },
  });
}
