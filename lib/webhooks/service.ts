import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { type AuditActor, recordAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { WEBHOOK_API_VERSION, WEBHOOK_TEST_EVENT } from './events';
import type { WebhookEndpointInput } from './schemas';
import { encryptWebhookSecret, newWebhookSecret } from './secret';
import { assertWebhookUrlAllowed } from './url-check';

// Admins' writes to webhook endpoints, all audited. A new endpoint's signing secret is returned once, to be shown
// once; only its encrypted form is kept.

/** How long a delivery is retried: 24 hours from when it was created (or resent). */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 3600 * 1000;

export async function createWebhookEndpoint(actor: AuditActor, input: WebhookEndpointInput, executor: Executor = db): Promise<{ id: string; secret: string }> {
  const url = await assertWebhookUrlAllowed(input.url);
  const id = randomUUID();
  const secret = newWebhookSecret();
  await executor.transaction(async (tx) => {
    await tx.insert(webhookEndpoints).values({
      id,
      url: url.toString(),
      description: input.description,
      eventTypes: input.eventTypes,
      secretEncrypted: encryptWebhookSecret(secret, id),
      createdById: actor.user.id,
    });
    await recordAudit(tx, actor, { action: 'webhook_endpoint.create', entityType: 'webhook_endpoint', entityId: id, after: { url: url.toString(), eventTypes: input.eventTypes } });
  });
  return { id, secret };
}

export async function updateWebhookEndpoint(actor: AuditActor, input: WebhookEndpointInput & { id: string }, executor: Executor = db): Promise<void> {
  const url = await assertWebhookUrlAllowed(input.url);
  await executor.transaction(async (tx) => {
    const [before] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, input.id)).for('update');
    if (!before) throw new AppError('not_found', 'That endpoint no longer exists.');
    await tx.update(webhookEndpoints).set({ url: url.toString(), description: input.description, eventTypes: input.eventTypes }).where(eq(webhookEndpoints.id, input.id));
    await recordAudit(tx, actor, {
      action: 'webhook_endpoint.update',
      entityType: 'webhook_endpoint',
      entityId: input.id,
      before: { url: before.url, eventTypes: before.eventTypes },
      after: { url: url.toString(), eventTypes: input.eventTypes },
    });
  });
}

/** Enabling again clears the failure count, so a fixed receiver gets a fresh 24 hours. */
export async function setWebhookEndpointEnabled(actor: AuditActor, id: string, enabled: boolean, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set(enabled ? { enabled, consecutiveFailures: 0, disabledReason: null } : { enabled, disabledReason: null })
      .where(eq(webhookEndpoints.id, id))
      .returning({ id: webhookEndpoints.id });
    if (!row) throw new AppError('not_found', 'That endpoint no longer exists.');
    await recordAudit(tx, actor, { action: enabled ? 'webhook_endpoint.enable' : 'webhook_endpoint.disable', entityType: 'webhook_endpoint', entityId: id });
  });
}

export async function deleteWebhookEndpoint(actor: AuditActor, id: string, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const [row] = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning({ url: webhookEndpoints.url });
    if (!row) throw new AppError('not_found', 'That endpoint no longer exists.');
    await recordAudit(tx, actor, { action: 'webhook_endpoint.delete', entityType: 'webhook_endpoint', entityId: id, before: { url: row.url } });
  });
}

/** Sends a delivery's message again, as a new delivery with the same webhook-id (receivers may drop it as a repeat). */
export async function resendWebhookDelivery(actor: AuditActor, deliveryId: string, executor: Executor = db): Promise<{ endpointId: string }> {
  return executor.transaction(async (tx) => {
    const [original] = await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
    if (!original) throw new AppError('not_found', 'That delivery no longer exists.');
    const [endpoint] = await tx.select({ enabled: webhookEndpoints.enabled }).from(webhookEndpoints).where(eq(webhookEndpoints.id, original.endpointId));
    if (!endpoint?.enabled) throw new AppError('conflict', 'Enable the endpoint before resending to it.');
    const [copy] = await tx
      .insert(webhookDeliveries)
      .values({
        endpointId: original.endpointId,
        messageId: original.messageId,
        eventType: original.eventType,
        payload: original.payload,
        giveUpAt: new Date(Date.now() + WEBHOOK_RETRY_WINDOW_MS),
      })
      .returning({ id: webhookDeliveries.id });
    await recordAudit(tx, actor, { action: 'webhook_delivery.resend', entityType: 'webhook_endpoint', entityId: original.endpointId, after: { deliveryId: copy!.id, messageId: original.messageId } });
    return { endpointId: original.endpointId };
  });
}

/** A "webhook.test" message to one endpoint, whatever it subscribes to. */
export async function sendTestWebhook(actor: AuditActor, endpointId: string, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const [endpoint] = await tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.enabled, true)));
    if (!endpoint) throw new AppError('conflict', 'Enable the endpoint before sending to it.');
    const messageId = `evt_${randomUUID().replaceAll('-', '')}`;
    await tx.insert(webhookDeliveries).values({
      endpointId,
      messageId,
      eventType: WEBHOOK_TEST_EVENT,
      payload: { type: WEBHOOK_TEST_EVENT, timestamp: new Date().toISOString(), api_version: WEBHOOK_API_VERSION, data: { message: 'A test event from the store.' } },
      giveUpAt: new Date(Date.now() + WEBHOOK_RETRY_WINDOW_MS),
    });
    await recordAudit(tx, actor, { action: 'webhook_endpoint.test', entityType: 'webhook_endpoint', entityId: endpointId, after: { messageId } });
  });
}
