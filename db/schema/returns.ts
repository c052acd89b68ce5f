import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { variants } from './catalog';
import { createdAt, currency, id, updatedAt } from './columns';
import { orderLines, orders, refunds } from './orders';
import { users } from './users';

// Returns and exchanges (lib/returns). A return moves requested → approved | rejected | cancelled, approved →
// received, received → completing → completed; every move is a conditional UPDATE on the status it leaves, so two
// staff clicking at once move it once. Its lines count against what the order line bought, checked under the order's
// row lock; an exchange line holds its replacement's stock from the request until it ships or is released.

export const returnStatuses = ['requested', 'approved', 'rejected', 'cancelled', 'received', 'completing', 'completed'] as const;
export type ReturnStatus = (typeof returnStatuses)[number];
export const returnRefundMethods = ['original_payment', 'store_credit'] as const;
export type ReturnRefundMethod = (typeof returnRefundMethods)[number];
export const returnDispositions = ['restock', 'write_off'] as const;
export type ReturnDisposition = (typeof returnDispositions)[number];

export const returns = pgTable(
  'returns',
  {
    id: id(),
    // Shown to the customer ("RT-7K3F9QX2"): random like order numbers.
    number: text().notNull(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    status: text({ enum: returnStatuses }).notNull().default('requested'),
    reason: text().notNull(),
    comment: text(),
    // Where the refund for the lines not exchanged goes (fixed by the policy or chosen by the customer).
    refundMethod: text({ enum: returnRefundMethods }).notNull().default('original_payment'),
    currency: currency(),
    // The return shipping fee deducted from the refund (policy at request time), and what was finally paid back.
    shippingFeeCents: integer().notNull().default(0),
    refundCents: integer().notNull().default(0),
    refundId: uuid().references(() => refunds.id, { onDelete: 'set null' }),
    // The zero-priced order that ships the exchanged variants.
    exchangeOrderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    rejectionReason: text(),
    // A return staff opened for the customer (null: the customer asked for it).
    openedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp({ withTimezone: true }),
    rejectedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    receivedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('returns_number_unique').on(t.number),
    index('returns_order_id_idx').on(t.orderId),
    index('returns_status_idx').on(t.status, t.createdAt),
    index('returns_created_at_idx').on(t.createdAt),
    index('returns_refund_id_idx').on(t.refundId),
    index('returns_exchange_order_id_idx').on(t.exchangeOrderId),
    index('returns_opened_by_id_idx').on(t.openedById),
    check('returns_status_check', sql`${t.status} in ('requested', 'approved', 'rejected', 'cancelled', 'received', 'completing', 'completed')`),
    check('returns_refund_method_check', sql`${t.refundMethod} in ('original_payment', 'store_credit')`),
    check('returns_amounts_check', sql`${t.shippingFeeCents} >= 0 and ${t.refundCents} >= 0`),
  ],
);

export const returnLines = pgTable(
  'return_lines',
  {
    id: id(),
    returnId: uuid()
      .notNull()
      .references(() => returns.id, { onDelete: 'cascade' }),
    orderLineId: uuid()
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    quantity: integer().notNull(),
    // An exchange: the variant sent instead (same product). Its stock is held while exchangeHeld is true.
    exchangeVariantId: uuid().references(() => variants.id, { onDelete: 'set null' }),
    exchangeHeld: boolean().notNull().default(false),
    // Set when received: back to stock, or written off (damaged).
    disposition: text({ enum: returnDispositions }),
    createdAt: createdAt(),
  },
  (t) => [
    index('return_lines_return_id_idx').on(t.returnId),
    index('return_lines_order_line_id_idx').on(t.orderLineId),
    index('return_lines_exchange_variant_id_idx').on(t.exchangeVariantId),
    check('return_lines_quantity_check', sql`${t.quantity} > 0`),
    check('return_lines_disposition_check', sql`${t.disposition} is null or ${t.disposition} in ('restock', 'write_off')`),
  ],
);

/** The return's timeline: every step, who took it and when (audit rows carry the same for the admin log). */
export const returnEvents = pgTable(
  'return_events',
  {
    id: id(),
    returnId: uuid()
      .notNull()
      .references(() => returns.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    message: text().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('return_events_return_id_idx').on(t.returnId, t.createdAt), index('return_events_actor_id_idx').on(t.actorId)],
);

export type Return = typeof returns.$inferSelect;
export type NewReturn = typeof returns.$inferInsert;
export type ReturnLine = typeof returnLines.$inferSelect;
export type NewReturnLine = typeof returnLines.$inferInsert;
export type ReturnEvent = typeof returnEvents.$inferSelect;
