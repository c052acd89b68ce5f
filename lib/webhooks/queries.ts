import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';

// The panel's reads of endpoints and their delivery log. Never the secret.

export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  createdAt: Date;
};

export type WebhookDeliveryView = {
  id: string;
  messageId: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  responseStatus: number | null;
  responseExcerpt: string | null;
  latencyMs: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  createdAt: Date;
};

const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  eventTypes: webhookEndpoints.eventTypes,
  enabled: webhookEndpoints.enabled,
  disabledReason: webhookEndpoints.disabledReason,
  consecutiveFailures: webhookEndpoints.consecutiveFailures,
  createdAt: webhookEndpoints.createdAt,
};

export async function listWebhookEndpoints(executor: Executor = db): Promise<(WebhookEndpointView & { failedDeliveries: number })[]> {
  return executor
    .select({
      ...endpointColumns,
      failedDeliveries: sql<number>`(select count(*)::int from ${webhookDeliveries} d where d.endpoint_id = "webhook_endpoints"."id" and d.status = 'failed')`,
    })
    .from(webhookEndpoints)
    .orderBy(desc(webhookEndpoints.createdAt))
    .limit(200);
}

export async function getWebhookEndpoint(id: string, executor: Executor = db): Promise<WebhookEndpointView | null> {
  const [row] = await executor.select(endpointColumns).from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row ?? null;
}

export async function listWebhookDeliveries(endpointId: string, executor: Executor = db): Promise<WebhookDeliveryView[]> {
  return executor
    .select({
      id: webhookDeliveries.id,
      messageId: webhookDeliveries.messageId,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      responseStatus: webhookDeliveries.responseStatus,
      responseExcerpt: webhookDeliveries.responseExcerpt,
      latencyMs: webhookDeliveries.latencyMs,
      lastError: webhookDeliveries.lastError,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(100);
}
