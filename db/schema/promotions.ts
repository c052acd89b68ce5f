import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, updatedAt } from './columns';
import { orders } from './orders';
import { users } from './users';

// Promotions: automatic (or code-based) discounts priced by lib/promotions/engine.ts, customer groups for their
// eligibility, and one row per promotion an order used (what the order shows, the per-customer limit counts and
// the report sums).

export const customerGroups = pgTable(
  'customer_groups',
  {
    id: id(),
    name: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('customer_groups_name_unique').on(sql`lower(${t.name})`)],
);

export const customerGroupMembers = pgTable(
  'customer_group_members',
  {
    groupId: uuid()
      .notNull()
      .references(() => customerGroups.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('customer_group_members_user_id_idx').on(t.userId)],
);

export const promotionEligibilities = ['everyone', 'signed_in', 'group', 'first_order'] as const;
export const promotionScopes = ['order', 'products', 'categories'] as const;
export const promotionActionKinds = ['percent', 'fixed', 'free_shipping', 'buy_x_get_y', 'tiered'] as const;

/**
 * The action's parameters, by kind (validated by lib/promotions/schemas.ts): amounts (fixed, spend tiers) are minor
 * units of `currency`, the store's; other markets get them at their rate, as discount codes do.
 */
export type PromotionActionData =
  | { kind: 'percent'; percent: number }
  | { kind: 'fixed'; amountCents: number }
  | { kind: 'free_shipping' }
  | { kind: 'buy_x_get_y'; buyQuantity: number; getQuantity: number; getPercent: number; maxApplications: number | null }
  | { kind: 'tiered'; basis: 'spend' | 'quantity'; tiers: { threshold: number; percent: number }[] };

export const promotions = pgTable(
  'promotions',
  {
    id: id(),
    // What shoppers read in the cart and on the order ("Buy 2 socks get 1 free").
    title: text().notNull(),
    // Null: automatic. Else stored upper case and entered at checkout like a discount code.
    code: text(),
    isActive: boolean().notNull().default(true),
    startsAt: timestamp({ withTimezone: true }),
    endsAt: timestamp({ withTimezone: true }),
    eligibility: text({ enum: promotionEligibilities }).notNull().default('everyone'),
    customerGroupId: uuid().references(() => customerGroups.id, { onDelete: 'restrict' }),
    currency: currency(),
    minSubtotalCents: integer().notNull().default(0),
    minQuantity: integer().notNull().default(0),
    scope: text({ enum: promotionScopes }).notNull().default('order'),
    productIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    categoryIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    excludeSaleItems: boolean().notNull().default(false),
    stackable: boolean().notNull().default(true),
    actionKind: text({ enum: promotionActionKinds }).notNull(),
    action: jsonb().$type<PromotionActionData>().notNull(),
    usageLimit: integer(),
    perCustomerLimit: integer(),
    timesUsed: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('promotions_code_unique').on(t.code).where(sql`${t.code} is not null`),
    index('promotions_active_idx').on(t.isActive, t.endsAt),
    index('promotions_customer_group_id_idx').on(t.customerGroupId),
    index('promotions_created_at_idx').on(t.createdAt),
    check('promotions_eligibility_check', sql`${t.eligibility} in ('everyone', 'signed_in', 'group', 'first_order')`),
    check('promotions_group_check', sql`(${t.eligibility} = 'group') = (${t.customerGroupId} is not null)`),
    check('promotions_scope_check', sql`${t.scope} in ('order', 'products', 'categories')`),
    check('promotions_action_kind_check', sql`${t.actionKind} in ('percent', 'fixed', 'free_shipping', 'buy_x_get_y', 'tiered') and ${t.action} ->> 'kind' = ${t.actionKind}`),
    check('promotions_minimums_check', sql`${t.minSubtotalCents} >= 0 and ${t.minQuantity} >= 0`),
    check('promotions_usage_limit_check', sql`${t.usageLimit} is null or ${t.usageLimit} >= 1`),
    check('promotions_per_customer_check', sql`${t.perCustomerLimit} is null or ${t.perCustomerLimit} >= 1`),
    // Counting a use is a conditional increment in the order's transaction; this keeps a race from exceeding it.
    check('promotions_times_used_check', sql`${t.timesUsed} >= 0 and (${t.usageLimit} is null or ${t.timesUsed} <= ${t.usageLimit})`),
    check('promotions_dates_check', sql`${t.startsAt} is null or ${t.endsAt} is null or ${t.endsAt} > ${t.startsAt}`),
  ],
);

/** One row per promotion an order used, with its title and amount as they were (the promotion may change later). */
export const orderPromotions = pgTable(
  'order_promotions',
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    promotionId: uuid().references(() => promotions.id, { onDelete: 'set null' }),
    // The customer record (account or guest email's), as the per-customer limit counts.
    customerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    title: text().notNull(),
    code: text(),
    amountCents: integer().notNull(),
    freeShipping: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('order_promotions_order_promotion_unique').on(t.orderId, t.promotionId),
    index('order_promotions_promotion_customer_idx').on(t.promotionId, t.customerId),
    index('order_promotions_customer_id_idx').on(t.customerId),
    check('order_promotions_amount_check', sql`${t.amountCents} >= 0`),
  ],
);

export type Promotion = typeof promotions.$inferSelect;
export type NewPromotion = typeof promotions.$inferInsert;
export type CustomerGroup = typeof customerGroups.$inferSelect;
export type OrderPromotion = typeof orderPromotions.$inferSelect;
