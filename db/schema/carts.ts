import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { variants } from './catalog';
import { createdAt, currency, type GiftCardRecipient, id, updatedAt } from './columns';
import { markets } from './markets';
import { users } from './users';

export const cartStatuses = ['active', 'merged', 'converted'] as const;
export type CartStatus = (typeof cartStatuses)[number];

export const carts = pgTable(
  'carts',
  {
    id: id(),
    // SHA-256 of the random token in the shopper's cookie; a leaked table cannot be replayed as cookies.
    tokenHash: text().notNull(),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    status: text({ enum: cartStatuses }).notNull().default('active'),
    // The market the cart is priced in (null: the store's one market, before any market existed); `currency` is
    // that market's currency, kept beside it so a cart is never priced in a currency it was not shown in.
    marketId: uuid().references(() => markets.id, { onDelete: 'set null' }),
    currency: currency(),
    email: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    expiresAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('carts_token_hash_unique').on(t.tokenHash),
    // A customer has at most one active cart.
    uniqueIndex('carts_user_active_unique').on(t.userId).where(sql`${t.status} = 'active' and ${t.userId} is not null`),
    index('carts_user_id_idx').on(t.userId),
    index('carts_market_id_idx').on(t.marketId),
    index('carts_status_updated_at_idx').on(t.status, t.updatedAt),
    check('carts_status_check', sql`${t.status} in ('active', 'merged', 'converted')`),
  ],
);

export const cartLines = pgTable(
  'cart_lines',
  {
    id: id(),
    cartId: uuid()
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    variantId: uuid()
      .notNull()
      .references(() => variants.id, { onDelete: 'cascade' }),
    quantity: integer().notNull(),
    // Gift card lines: who receives the card(s) (null: the buyer).
    giftCardRecipient: jsonb().$type<GiftCardRecipient>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('cart_lines_cart_variant_unique').on(t.cartId, t.variantId),
    index('cart_lines_variant_id_idx').on(t.variantId),
    check('cart_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
);

export type Cart = typeof carts.$inferSelect;
export type NewCart = typeof carts.$inferInsert;
export type CartLine = typeof cartLines.$inferSelect;
export type NewCartLine = typeof cartLines.$inferInsert;
