import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { users } from './users';

/**
 * Admin API keys. Only a SHA-256 of the secret is kept (the secret is 32 random bytes, so a fast hash is enough);
 * `prefix` is the secret's first characters, shown in the panel so a key can be recognised without being readable.
 * `scopes` holds "area:read" / "area:write" entries (lib/api-keys/scopes.ts).
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    name: text().notNull(),
    prefix: text().notNull(),
    secretHash: text().notNull(),
    scopes: text().array().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('api_keys_secret_hash_unique').on(t.secretHash),
    index('api_keys_created_by_id_idx').on(t.createdById),
    index('api_keys_created_at_idx').on(t.createdAt),
  ],
);

/**
 * Where the store sends signed event notifications. The signing secret is stored encrypted (AES-GCM under a key
 * derived from AUTH_SECRET): it must be readable to sign, and is shown to the admin once.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: id(),
    url: text().notNull(),
    description: text().notNull().default(''),
    eventTypes: text().array().notNull(),
    enabled: boolean().notNull().default(true),
    secretEncrypted: text().notNull(),
    /** Deliveries that failed for good in a row; reset by a success. The endpoint is disabled at the threshold. */
    consecutiveFailures: integer().notNull().default(0),
    disabledReason: text(),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('webhook_endpoints_created_by_id_idx').on(t.createdById), index('webhook_endpoints_enabled_idx').on(t.enabled)],
);

export const webhookDeliveryStatuses = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/**
 * One event for one endpoint. `messageId` is the `webhook-id` header: the same on every retry and on a resend, so a
 * receiver can drop duplicates. The last attempt's outcome is kept for the delivery log.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    messageId: text().notNull(),
    eventType: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: text({ enum: webhookDeliveryStatuses }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Retries stop after this (24 h after the event). */
    giveUpAt: timestamp({ withTimezone: true }).notNull(),
    responseStatus: integer(),
    responseExcerpt: text(),
    latencyMs: integer(),
    lastError: text(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('webhook_deliveries_endpoint_id_idx').on(t.endpointId, t.createdAt),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_message_id_idx').on(t.messageId),
    check('webhook_deliveries_status_check', sql`${t.status} in ('pending', 'succeeded', 'failed')`),
    check('webhook_deliveries_attempts_check', sql`${t.attempts} >= 0`),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
