import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { db, type Executor } from '@/db/client';
import { users, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { siteLink } from '@/lib/email/brand';
import { composeEmail } from '@/lib/email/compose';
import { addressed, queueEmail } from '@/lib/email/service';
import { logger } from '@/lib/log';
import { guardedLookup } from '@/lib/net/ssrf';
import { counter } from '@/lib/observability/metrics';
import { decryptWebhookSecret } from './secret';
import { assertWebhookUrlAllowed } from './url-check';

// Delivering webhook messages: each due delivery is claimed in its own transaction (FOR UPDATE SKIP LOCKED, so
// instances never send one twice at once), signed the Standard Webhooks way and POSTed with a 10 s timeout. A 2xx
// answer is success; anything else is retried on a growing delay until 24 hours after the delivery was created, then
// the delivery has failed. An endpoint that failed every attempt of such a delivery (no success in between) is
// disabled and the store's admins are emailed. Delivery is at least once: a receiver dedupes on `webhook-id`.

const TIMEOUT_MS = 10_000;
const EXCERPT_CHARS = 500;
/** Delay before attempt n+1 after n failed attempts: 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, then every 4 h. */
const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000];

export function webhookRetryDelayMs(failedAttempts: number): number {
  return RETRY_DELAYS_MS[Math.min(failedAttempts, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0]!;
}

const webhookAttempts = counter({
  name: 'storefront_webhook_attempts_total',
  help: 'Outgoing webhook delivery attempts by outcome (succeeded, retry, failed).',
  labelNames: ['outcome'] as const,
});

export type WebhookResponse = { status: number | null; excerpt: string | null; latencyMs: number; error: string | null };

/** The three Standard Webhooks headers for one message. */
export function signWebhook(secret: string, messageId: string, timestamp: Date, body: string): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, timestamp, body),
  };
}

async function post(rawUrl: string, headers: Record<string, string>, body: string): Promise<WebhookResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    // Checked again now: the host's addresses may have changed since the endpoint was saved, and the lookup below
    // refuses a private answer at connect time (a rebinding DNS server cannot slip one in between).
    const url = await assertWebhookUrlAllowed(rawUrl);
    const client = url.protocol === 'https:' ? https : http;
    return await new Promise<WebhookResponse>((resolve) => {
      const request = client.request(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'Storefront-Webhooks/1', 'content-length': String(Buffer.byteLength(body)) },
          lookup: guardedLookup as never,
          timeout: TIMEOUT_MS,
        },
        (response) => {
          let excerpt = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            if (excerpt.length < EXCERPT_CHARS) excerpt += chunk;
            else response.destroy();
          });
          const done = () => resolve({ status: response.statusCode ?? null, excerpt: excerpt.slice(0, EXCERPT_CHARS), latencyMs: elapsed(), error: null });
          response.on('end', done);
          response.on('close', done);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
      request.on('error', (error) => resolve({ status: null, excerpt: null, latencyMs: elapsed(), error: error.message.slice(0, EXCERPT_CHARS) }));
      request.end(body);
    });
  } catch (error) {
    return { status: null, excerpt: null, latencyMs: elapsed(), error: (error instanceof Error ? error.message : String(error)).slice(0, EXCERPT_CHARS) };
  }
}

type Outcome = 'succeeded' | 'retry' | 'failed';

async function notifyAdminsOfDisable(executor: Executor, endpoint: { id: string; url: string }, at: Date): Promise<void> {
  const admins = await executor.select({ email: users.email }).from(users).where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
  if (admins.length === 0) return;
  // One rendering for every admin: the message names the endpoint, not the reader.
  const message = await composeEmail(
    'webhook_endpoint_disabled',
    { endpointUrl: endpoint.url, at: `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`, manageUrl: siteLink(`/admin/webhooks/${endpoint.id}`) },
    executor,
  );
  for (const admin of admins) await queueEmail(addressed(admin.email, message), executor);
}

/** Sends one due delivery, if any; null when none is due. */
async function deliverOne(now?: Date): Promise<Outcome | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now ?? sql`now()`)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
      .limit(1)
      .for('update', { of: webhookDeliveries, skipLocked: true });
    if (!row) return null;
    const { delivery, endpoint } = row;
    const attemptAt = new Date();
    if (!endpoint.enabled) {
      await tx.update(webhookDeliveries).set({ status: 'failed', lastError: 'The endpoint is disabled.', lastAttemptAt: attemptAt }).where(eq(webhookDeliveries.id, delivery.id));
      return 'failed';
    }
    const body = JSON.stringify(delivery.payload);
    const headers = signWebhook(decryptWebhookSecret(endpoint.secretEncrypted, endpoint.id), delivery.messageId, attemptAt, body);
    const response = await post(endpoint.url, headers, body);
    const attempts = delivery.attempts + 1;
    const ok = response.status !== null && response.status >= 200 && response.status < 300;
    const recorded = { attempts, responseStatus: response.status, responseExcerpt: response.excerpt, latencyMs: response.latencyMs, lastError: response.error, lastAttemptAt: attemptAt };
    if (ok) {
      await tx.update(webhookDeliveries).set({ ...recorded, status: 'succeeded' }).where(eq(webhookDeliveries.id, delivery.id));
      await tx.update(webhookEndpoints).set({ consecutiveFailures: 0 }).where(eq(webhookEndpoints.id, endpoint.id));
      return 'succeeded';
    }
    const [counted] = await tx
      .update(webhookEndpoints)
      .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1` })
      .where(eq(webhookEndpoints.id, endpoint.id))
      .returning({ consecutiveFailures: webhookEndpoints.consecutiveFailures });
    const next = new Date(attemptAt.getTime() + webhookRetryDelayMs(attempts));
    if (next <= delivery.giveUpAt) {
      await tx.update(webhookDeliveries).set({ ...recorded, nextAttemptAt: next }).where(eq(webhookDeliveries.id, delivery.id));
      return 'retry';
    }
    await tx.update(webhookDeliveries).set({ ...recorded, status: 'failed' }).where(eq(webhookDeliveries.id, delivery.id));
    // Every attempt of this delivery failed and nothing else reached the endpoint meanwhile: stop sending to it.
    if ((counted?.consecutiveFailures ?? 0) >= attempts) {
      await tx
        .update(webhookEndpoints)
        .set({ enabled: false, disabledReason: `Disabled ${attemptAt.toISOString()}: every attempt failed for 24 hours.` })
        .where(eq(webhookEndpoints.id, endpoint.id));
      await notifyAdminsOfDisable(tx, endpoint, attemptAt);
      logger.warn({ endpointId: endpoint.id }, 'webhook endpoint disabled after 24 hours of failures');
    }
    return 'failed';
  });
}

export type WebhookRunResult = { succeeded: number; retry: number; failed: number };

/** Sends due deliveries until none is due or `limit` were handled. */
export async function deliverDueWebhooks(options: { limit?: number; now?: Date } = {}): Promise<WebhookRunResult> {
  const result: WebhookRunResult = { succeeded: 0, retry: 0, failed: 0 };
  for (let handled = 0; handled < (options.limit ?? 50); handled += 1) {
    const outcome = await deliverOne(options.now);
    if (!outcome) break;
    result[outcome] += 1;
    webhookAttempts.inc({ outcome });
  }
  return result;
}

export async function runWebhookJob(): Promise<void> {
  const result = await deliverDueWebhooks();
  if (result.succeeded + result.retry + result.failed > 0) logger.info({ ...result }, 'webhook deliveries');
}
