import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { countryCode, createdAt, currency, id, updatedAt } from './columns';

export const discountTypes = ['percentage', 'fixed_amount', 'free_shipping'] as const;
export type DiscountType = (typeof discountTypes)[number];

export const discountCodes = pgTable(
  'discount_codes',
  {
    id: id(),
    // Stored upper case; shoppers may type any case.
    code: text().notNull(),
    description: text().notNull().default(''),
    type: text({ enum: discountTypes }).notNull(),
    // percentage: whole percent 1..100; fixed_amount: minor units of `currency`; free_shipping: 0.
    value: integer().notNull(),
    currency: currency(),
    minSubtotalCents: integer().notNull().default(0),
    usageLimit: integer(),
    perCustomerLimit: integer(),
    timesUsed: integer().notNull().default(0),
    startsAt: timestamp({ withTimezone: true }),
    endsAt: timestamp({ withTimezone: true }),
    isActive: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('discount_codes_code_unique').on(t.code),
    index('discount_codes_active_idx').on(t.isActive, t.endsAt),
    check('discount_codes_type_check', sql`${t.type} in ('percentage', 'fixed_amount', 'free_shipping')`),
    check(
      'discount_codes_value_check',
      sql`(${t.type} = 'percentage' and ${t.value} between 1 and 100) or (${t.type} = 'fixed_amount' and ${t.value} > 0) or (${t.type} = 'free_shipping' and ${t.value} = 0)`,
    ),
    check('discount_codes_min_subtotal_check', sql`${t.minSubtotalCents} >= 0`),
    check('discount_codes_usage_limit_check', sql`${t.usageLimit} is null or ${t.usageLimit} >= 1`),
    check('discount_codes_per_customer_check', sql`${t.perCustomerLimit} is null or ${t.perCustomerLimit} >= 1`),
    // Counting a use is a conditional increment; this keeps a race from ever exceeding the limit.
    check(
      'discount_codes_times_used_check',
      sql`${t.timesUsed} >= 0 and (${t.usageLimit} is null or ${t.timesUsed} <= ${t.usageLimit})`,
    ),
    check('discount_codes_dates_check', sql`${t.startsAt} is null or ${t.endsAt} is null or ${t.endsAt} > ${t.startsAt}`),
  ],
);

export const shippingZones = pgTable(
  'shipping_zones',
  {
    id: id(),
    name: text().notNull(),
    // ISO 3166-1 alpha-2 codes served by this zone.
    countries: varchar({ length: 2 }).array().notNull(),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('shipping_zones_countries_idx').using('gin', t.countries), index('shipping_zones_position_idx').on(t.position)],
);

export const shippingRates = pgTable(
  'shipping_rates',
  {
    id: id(),
    zoneId: uuid()
      .notNull()
      .references(() => shippingZones.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    priceCents: integer().notNull(),
    currency: currency(),
    // Free when the discounted subtotal reaches this amount; null means never free.
    freeAboveCents: integer(),
    minDeliveryDays: integer(),
    maxDeliveryDays: integer(),
    isActive: boolean().notNull().default(true),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('shipping_rates_zone_id_idx').on(t.zoneId, t.position),
    check('shipping_rates_price_check', sql`${t.priceCents} >= 0`),
    check('shipping_rates_free_above_check', sql`${t.freeAboveCents} is null or ${t.freeAboveCents} >= 0`),
    check(
      'shipping_rates_days_check',
      sql`${t.minDeliveryDays} is null or ${t.maxDeliveryDays} is null or ${t.maxDeliveryDays} >= ${t.minDeliveryDays}`,
    ),
  ],
);

export const taxRates = pgTable(
  'tax_rates',
  {
    id: id(),
    countryCode: countryCode(),
    // Null: applies to the whole country unless a region-specific rate exists.
    regionCode: text(),
    name: text().notNull(),
    // Basis points: 2000 = 20 %. Integer so tax arithmetic stays exact.
    rateBasisPoints: integer().notNull(),
    appliesToShipping: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('tax_rates_country_region_unique').on(t.countryCode, sql`coalesce(${t.regionCode}, '')`),
    check('tax_rates_rate_check', sql`${t.rateBasisPoints} between 0 and 10000`),
  ],
);

export const taxDisplayModes = ['inclusive', 'exclusive'] as const;
export type TaxDisplayMode = (typeof taxDisplayModes)[number];

export const returnRefundDestinations = ['original_payment', 'store_credit', 'customer_choice'] as const;
export type ReturnRefundDestination = (typeof returnRefundDestinations)[number];

/** One row (id = 1): the store-wide settings staff edit in the admin. */
export const storeSettings = pgTable(
  'store_settings',
  {
    id: integer().primaryKey().default(1),
    name: text().notNull(),
    currency: currency(),
    taxDisplay: text({ enum: taxDisplayModes }).notNull().default('exclusive'),
    lowStockThreshold: integer().notNull().default(5),
    requireAdminTwoFactor: boolean().notNull().default(false),
    supportEmail: text(),
    /** Brand: shown in the storefront's header and in every email. */
    logoUrl: text(),
    /** #rrggbb; buttons and links carry white text on it, so it must contrast with white (checked on save). */
    accentColor: text().notNull().default('#2f5fd0'),
    contactPhone: text(),
    contactAddress: text(),
    /** What a shopper who chose manual payment is told to do (bank details, reference), on the confirmation page and email. */
    paymentInstructions: text(),
    /** Return policy (lib/returns): days from delivery (or shipping) a customer may ask for a return in. */
    returnWindowDays: integer().notNull().default(30),
    /** The reasons a customer picks from, in order. */
    returnReasons: text()
      .array()
      .notNull()
      .default(sql`array['Too small', 'Too large', 'Not as described', 'Arrived damaged', 'Changed my mind']::text[]`),
    /** Deducted from a refund, in the store's currency (free returns: 0). */
    returnShippingFeeCents: integer().notNull().default(0),
    /** Where refunds go: the original payment, store credit, or the customer chooses. */
    returnRefundDestination: text({ enum: returnRefundDestinations }).notNull().default('original_payment'),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('store_settings_singleton_check', sql`${t.id} = 1`),
    check('store_settings_tax_display_check', sql`${t.taxDisplay} in ('inclusive', 'exclusive')`),
    check('store_settings_low_stock_check', sql`${t.lowStockThreshold} >= 0`),
    check('store_settings_return_policy_check', sql`${t.returnWindowDays} between 0 and 3650 and ${t.returnShippingFeeCents} >= 0`),
    check('store_settings_return_destination_check', sql`${t.returnRefundDestination} in ('original_payment', 'store_credit', 'customer_choice')`),
  ],
);

export type DiscountCode = typeof discountCodes.$inferSelect;
export type NewDiscountCode = typeof discountCodes.$inferInsert;
export type ShippingZone = typeof shippingZones.$inferSelect;
export type NewShippingZone = typeof shippingZones.$inferInsert;
export type ShippingRate = typeof shippingRates.$inferSelect;
export type NewShippingRate = typeof shippingRates.$inferInsert;
export type TaxRate = typeof taxRates.$inferSelect;
export type NewTaxRate = typeof taxRates.$inferInsert;
export type StoreSettings = typeof storeSettings.$inferSelect;
