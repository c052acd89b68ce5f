import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, numeric, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { variants } from './catalog';
import { createdAt, currency, id, updatedAt } from './columns';
import { taxDisplayModes } from './commerce';

export const roundingRules = ['none', 'whole', '99', '95'] as const;
export type RoundingRule = (typeof roundingRules)[number];

/**
 * A market: the countries a shopper can be in, the currency they pay in and how prices reach that currency from
 * the store's base currency (store_settings.currency) — an exact decimal rate and a rounding rule. One market is the
 * default: it serves every country no other market lists.
 */
export const markets = pgTable(
  'markets',
  {
    id: id(),
    // Short, URL- and cookie-safe ("us", "eu"): what the shopper's market cookie and the Store API's `market` carry.
    code: text().notNull(),
    name: text().notNull(),
    // ISO 3166-1 alpha-2 codes; a country belongs to at most one market (checked on save, in one transaction).
    countries: varchar({ length: 2 }).array().notNull(),
    currency: currency(),
    taxDisplay: text({ enum: taxDisplayModes }).notNull().default('exclusive'),
    // One unit of the base currency in this currency. numeric, so 0.92 is 0.92 and conversions stay exact.
    exchangeRate: numeric({ precision: 20, scale: 10 }).notNull().default('1'),
    roundingRule: text({ enum: roundingRules }).notNull().default('none'),
    // The storefront language a shopper choosing this market is shown, unless they chose one (lib/i18n/config.ts).
    defaultLocale: text({ enum: ['en', 'de', 'fr'] }).notNull().default('en'),
    isDefault: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('markets_code_unique').on(t.code),
    uniqueIndex('markets_default_unique').on(t.isDefault).where(sql`${t.isDefault}`),
    index('markets_countries_idx').using('gin', t.countries),
    index('markets_position_idx').on(t.position),
    check('markets_code_check', sql`${t.code} ~ '^[a-z0-9][a-z0-9-]{0,31}$'`),
    check('markets_tax_display_check', sql`${t.taxDisplay} in ('inclusive', 'exclusive')`),
    check('markets_rounding_rule_check', sql`${t.roundingRule} in ('none', 'whole', '99', '95')`),
    check('markets_exchange_rate_check', sql`${t.exchangeRate} > 0`),
  ],
);

/**
 * A variant's explicit price in one market, in that market's currency (kept beside it: an explicit price in a
 * currency the market no longer uses is ignored, never misread). Explicit prices win over derived ones.
 */
export const variantMarketPrices = pgTable(
  'variant_market_prices',
  {
    id: id(),
    variantId: uuid()
      .notNull()
      .references(() => variants.id, { onDelete: 'cascade' }),
    marketId: uuid()
      .notNull()
      .references(() => markets.id, { onDelete: 'cascade' }),
    priceCents: integer().notNull(),
    compareAtPriceCents: integer(),
    currency: currency(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('variant_market_prices_variant_market_unique').on(t.variantId, t.marketId),
    index('variant_market_prices_market_id_idx').on(t.marketId),
    check('variant_market_prices_price_check', sql`${t.priceCents} >= 0`),
    check('variant_market_prices_compare_at_check', sql`${t.compareAtPriceCents} is null or ${t.compareAtPriceCents} >= 0`),
  ],
);

export type Market = typeof markets.$inferSelect;
export type NewMarket = typeof markets.$inferInsert;
export type VariantMarketPrice = typeof variantMarketPrices.$inferSelect;
export type NewVariantMarketPrice = typeof variantMarketPrices.$inferInsert;
