import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { variants } from './catalog';
import { createdAt, id } from './columns';
import { orders } from './orders';
import { users } from './users';

export const inventoryReasons = [
  'initial',
  'received',
  'damaged',
  'correction',
  'returned',
  'order_placed',
  'order_cancelled',
  'exchange_held',
  'exchange_released',
] as const;
export type InventoryReason = (typeof inventoryReasons)[number];

/** Every stock change, with why and who. The sum of deltas for a variant equals its stock on hand. */
export const inventoryLedger = pgTable(
  'inventory_ledger',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    // No cascade: a variant with stock history is archived, never deleted.
    variantId: uuid()
      .notNull()
      .references(() => variants.id),
    delta: integer().notNull(),
    quantityAfter: integer().notNull(),
    reason: text({ enum: inventoryReasons }).notNull(),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index('inventory_ledger_variant_id_idx').on(t.variantId, t.createdAt),
    index('inventory_ledger_order_id_idx').on(t.orderId),
    index('inventory_ledger_actor_id_idx').on(t.actorId),
    index('inventory_ledger_reason_idx').on(t.reason),
    check('inventory_ledger_delta_check', sql`${t.delta} <> 0`),
    check('inventory_ledger_quantity_after_check', sql`${t.quantityAfter} >= 0`),
    check(
      'inventory_ledger_reason_check',
      sql`${t.reason} in ('initial', 'received', 'damaged', 'correction', 'returned', 'order_placed', 'order_cancelled', 'exchange_held', 'exchange_released')`,
    ),
  ],
);

/** Who changed what, when, before → after. Written in the same transaction as the change; append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    actorEmail: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb().$type<Record<string, unknown>>(),
    after: jsonb().$type<Record<string, unknown>>(),
    ip: text(),
    requestId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_log_created_at_idx').on(t.createdAt),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_id_idx').on(t.actorId, t.createdAt),
    index('audit_log_action_idx').on(t.action),
  ],
);

export const idempotencyStatuses = ['in_progress', 'completed'] as const;

/** Replays a stored response for a repeated Idempotency-Key; a different body under the same key is refused. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: id(),
    scope: text().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    status: text({ enum: idempotencyStatuses }).notNull().default('in_progress'),
    responseStatus: integer(),
    responseBody: jsonb(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('idempotency_keys_scope_key_unique').on(t.scope, t.key),
    index('idempotency_keys_expires_at_idx').on(t.expiresAt),
    check('idempotency_keys_status_check', sql`${t.status} in ('in_progress', 'completed')`),
  ],
);

/** Provider webhook events already handled: the unique key makes a replay a no-op. */
export const processedEvents = pgTable(
  'processed_events',
  {
    id: id(),
    provider: text().notNull(),
    eventId: text().notNull(),
    type: text().notNull(),
    processedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('processed_events_provider_event_unique').on(t.provider, t.eventId),
    index('processed_events_processed_at_idx').on(t.processedAt),
  ],
);

/** Domain events written in the same transaction as the change, delivered afterwards (at least once). */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    type: text().notNull(),
    aggregateType: text().notNull(),
    aggregateId: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    availableAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('outbox_events_pending_idx').on(t.availableAt).where(sql`${t.processedAt} is null`),
    index('outbox_events_aggregate_idx').on(t.aggregateType, t.aggregateId),
    index('outbox_events_type_idx').on(t.type),
    check('outbox_events_attempts_check', sql`${t.attempts} >= 0`),
  ],
);

export const emailStatuses = ['pending', 'sent', 'stored', 'failed'] as const;
export type EmailStatus = (typeof emailStatuses)[number];

/** Every email the store sends. Without SMTP configured, messages stay here ("stored") for the developer to read. */
export const emailMessages = pgTable(
  'email_messages',
  {
    id: id(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    template: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text(),
    status: text({ enum: emailStatuses }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('email_messages_to_address_idx').on(t.toAddress, t.createdAt),
    index('email_messages_status_idx').on(t.status),
    index('email_messages_created_at_idx').on(t.createdAt),
    check('email_messages_status_check', sql`${t.status} in ('pending', 'sent', 'stored', 'failed')`),
  ],
);

export type InventoryLedgerEntry = typeof inventoryLedger.$inferSelect;
export type NewInventoryLedgerEntry = typeof inventoryLedger.$inferInsert;
export type AuditLogEntry = typeof auditLog.$inferSelect;
export type NewAuditLogEntry = typeof auditLog.$inferInsert;
export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
export type NewIdempotencyKey = typeof idempotencyKeys.$inferInsert;
export type ProcessedEvent = typeof processedEvents.$inferSelect;
export type OutboxEvent = typeof outboxEvents.$inferSelect;
export type NewOutboxEvent = typeof outboxEvents.$inferInsert;
export type EmailMessage = typeof emailMessages.$inferSelect;
export type NewEmailMessage = typeof emailMessages.$inferInsert;

export const savedViewLists = ['products', 'orders', 'customers'] as const;
export type SavedViewList = (typeof savedViewLists)[number];

/**
 * A staff member's named view of an admin list: its filters, sort and hidden columns as the list's own query string.
 * Per person and per list; in the database so the same views follow them from the office computer to the phone.
 */
export const savedViews = pgTable(
  'saved_views',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    list: text({ enum: savedViewLists }).notNull(),
    name: text().notNull(),
    query: text().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('saved_views_user_list_name_idx').on(t.userId, t.list, t.name), check('saved_views_name_length', sql`char_length(${t.name}) between 1 and 60`)],
);
export type SavedView = typeof savedViews.$inferSelect;
