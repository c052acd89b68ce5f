import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, updatedAt } from './columns';
import { orderLines, orders } from './orders';
import { users } from './users';

// Gift cards and store credit: two balances, each with ONE writer (lib/gift-cards/service.ts) and a ledger whose
// amounts sum to the balance. Spending is a conditional decrement (balance >= x) inside the order's transaction.

export const giftCards = pgTable(
  'gift_cards',
  {
    id: id(),
    // HMAC-SHA256 of the normalised code under a key derived from AUTH_SECRET: the code itself is never stored, and a
    // leaked table cannot be brute-forced offline without the secret (lib/gift-cards/code.ts).
    codeHash: text().notNull(),
    // Shown to staff and the shopper to tell cards apart ("•••• 7K3F").
    lastFour: text().notNull(),
    currency: currency(),
    initialCents: integer().notNull(),
    balanceCents: integer().notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    disabledAt: timestamp({ withTimezone: true }),
    // Who issued it: a paid order line (one card per unit: unit 1..quantity), or a staff member.
    sourceOrderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    sourceOrderLineId: uuid().references(() => orderLines.id, { onDelete: 'set null' }),
    sourceUnit: integer(),
    issuedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    recipientEmail: text(),
    recipientName: text(),
    message: text(),
    note: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('gift_cards_code_hash_unique').on(t.codeHash),
    // A paid line issues its cards once, however many times "paid" is reported.
    uniqueIndex('gift_cards_source_line_unit_unique').on(t.sourceOrderLineId, t.sourceUnit),
    index('gift_cards_source_order_id_idx').on(t.sourceOrderId),
    index('gift_cards_issued_by_id_idx').on(t.issuedById),
    index('gift_cards_created_at_idx').on(t.createdAt),
    check('gift_cards_balance_check', sql`${t.balanceCents} >= 0 and ${t.initialCents} > 0`),
  ],
);

export const balanceTransactionKinds = ['issue', 'redeem', 'refund', 'adjust'] as const;
export type BalanceTransactionKind = (typeof balanceTransactionKinds)[number];

export const giftCardTransactions = pgTable(
  'gift_card_transactions',
  {
    id: id(),
    giftCardId: uuid()
      .notNull()
      .references(() => giftCards.id, { onDelete: 'cascade' }),
    kind: text({ enum: balanceTransactionKinds }).notNull(),
    // Signed: + issue / refund / upward adjust, − redeem / downward adjust. The ledger sums to the balance.
    amountCents: integer().notNull(),
    balanceAfterCents: integer().notNull(),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    reason: text(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('gift_card_transactions_card_idx').on(t.giftCardId, t.createdAt),
    index('gift_card_transactions_order_id_idx').on(t.orderId),
    index('gift_card_transactions_actor_id_idx').on(t.actorId),
    // One redemption and at most one give-back per card per order: a second cancel or refund inserts nothing.
    uniqueIndex('gift_card_transactions_redeem_unique').on(t.giftCardId, t.orderId).where(sql`${t.kind} = 'redeem'`),
    uniqueIndex('gift_card_transactions_refund_unique').on(t.giftCardId, t.orderId).where(sql`${t.kind} = 'refund'`),
    check('gift_card_transactions_kind_check', sql`${t.kind} in ('issue', 'redeem', 'refund', 'adjust')`),
    check('gift_card_transactions_balance_check', sql`${t.balanceAfterCents} >= 0`),
  ],
);

export const customerCredits = pgTable(
  'customer_credits',
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    currency: currency(),
    balanceCents: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('customer_credits_customer_currency_unique').on(t.customerId, t.currency),
    check('customer_credits_balance_check', sql`${t.balanceCents} >= 0`),
  ],
);

export const customerCreditTransactions = pgTable(
  'customer_credit_transactions',
  {
    id: id(),
    creditId: uuid()
      .notNull()
      .references(() => customerCredits.id, { onDelete: 'cascade' }),
    kind: text({ enum: balanceTransactionKinds }).notNull(),
    amountCents: integer().notNull(),
    balanceAfterCents: integer().notNull(),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    reason: text(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('customer_credit_transactions_credit_idx').on(t.creditId, t.createdAt),
    index('customer_credit_transactions_order_id_idx').on(t.orderId),
    index('customer_credit_transactions_actor_id_idx').on(t.actorId),
    uniqueIndex('customer_credit_transactions_redeem_unique').on(t.creditId, t.orderId).where(sql`${t.kind} = 'redeem'`),
    uniqueIndex('customer_credit_transactions_refund_unique').on(t.creditId, t.orderId).where(sql`${t.kind} = 'refund'`),
    check('customer_credit_transactions_kind_check', sql`${t.kind} in ('issue', 'redeem', 'refund', 'adjust')`),
    check('customer_credit_transactions_balance_check', sql`${t.balanceAfterCents} >= 0`),
  ],
);

export type GiftCard = typeof giftCards.$inferSelect;
export type GiftCardTransaction = typeof giftCardTransactions.$inferSelect;
export type CustomerCredit = typeof customerCredits.$inferSelect;
export type CustomerCreditTransaction = typeof customerCreditTransactions.$inferSelect;
