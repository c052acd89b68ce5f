import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { products, variants } from './catalog';
import { createdAt, currency, type GiftCardRecipient, id, updatedAt } from './columns';
import { discountCodes, shippingRates } from './commerce';
import { users } from './users';

/** Address as it was when the order was placed; later address-book edits never change an order. */
export type AddressSnapshot = {
  name: string;
  company?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  countryCode: string;
  phone?: string | null;
};

export const orderStatuses = ['pending', 'paid', 'fulfilled', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export const paymentStatuses = ['unpaid', 'paid', 'partially_refunded', 'refunded'] as const;
export type OrderPaymentStatus = (typeof paymentStatuses)[number];

export const orders = pgTable(
  'orders',
  {
    id: id(),
    // Shown to shoppers ("SF-7K3F9QX2"): random, so it reveals neither volume nor neighbours' orders.
    number: text().notNull(),
    // The account that owns the order (it sees it under "My orders"): set when placed signed in, or when a guest
    // buyer's email is later registered AND verified — never for an unproven address.
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    // The customer record, as the admin counts orders per customer: the account when placed signed in, otherwise the
    // record kept per guest email (a users row with no password until that email registers and adopts it).
    customerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    email: text().notNull(),
    status: text({ enum: orderStatuses }).notNull().default('pending'),
    paymentStatus: text({ enum: paymentStatuses }).notNull().default('unpaid'),
    currency: currency(),
    // The market the order was placed in and its rate from the base currency then, so reports can convert it back.
    marketCode: text(),
    exchangeRate: numeric({ precision: 20, scale: 10 }),
    // The storefront language the order was placed in: its emails are written in it (lib/i18n/config.ts).
    locale: text({ enum: ['en', 'de', 'fr'] }).notNull().default('en'),
    subtotalCents: integer().notNull(),
    discountCents: integer().notNull().default(0),
    shippingCents: integer().notNull().default(0),
    taxCents: integer().notNull().default(0),
    totalCents: integer().notNull(),
    refundedCents: integer().notNull().default(0),
    // Tendered at placement from gift cards and store credit (after tax); the rest, total − both, is paid by card or
    // manually. Given back once on cancel or full refund (lib/gift-cards/service.ts).
    giftCardCents: integer().notNull().default(0),
    storeCreditCents: integer().notNull().default(0),
    taxInclusive: boolean().notNull().default(false),
    shippingAddress: jsonb().$type<AddressSnapshot>().notNull(),
    billingAddress: jsonb().$type<AddressSnapshot>(),
    shippingRateId: uuid().references(() => shippingRates.id, { onDelete: 'set null' }),
    shippingMethod: text().notNull(),
    discountCodeId: uuid().references(() => discountCodes.id, { onDelete: 'set null' }),
    discountCode: text(),
    paymentProvider: text().notNull(),
    customerNote: text(),
    // The cart this order was placed from: unique, so retries and concurrent submits of one cart make one order.
    sourceCartId: uuid(),
    placedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp({ withTimezone: true }),
    fulfilledAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('orders_number_unique').on(t.number),
    uniqueIndex('orders_source_cart_unique').on(t.sourceCartId),
    index('orders_user_id_idx').on(t.userId, t.placedAt),
    index('orders_email_idx').on(t.email),
    index('orders_customer_id_idx').on(t.customerId, t.placedAt),
    index('orders_status_idx').on(t.status, t.placedAt),
    index('orders_payment_status_idx').on(t.paymentStatus, t.placedAt),
    index('orders_placed_at_idx').on(t.placedAt),
    index('orders_shipping_rate_id_idx').on(t.shippingRateId),
    index('orders_discount_code_id_idx').on(t.discountCodeId),
    check('orders_status_check', sql`${t.status} in ('pending', 'paid', 'fulfilled', 'delivered', 'cancelled')`),
    check(
      'orders_payment_status_check',
      sql`${t.paymentStatus} in ('unpaid', 'paid', 'partially_refunded', 'refunded')`,
    ),
    check(
      'orders_amounts_check',
      sql`${t.subtotalCents} >= 0 and ${t.discountCents} >= 0 and ${t.shippingCents} >= 0 and ${t.taxCents} >= 0 and ${t.totalCents} >= 0`,
    ),
    // Refunds can never exceed what was charged.
    check('orders_refunded_check', sql`${t.refundedCents} >= 0 and ${t.refundedCents} <= ${t.totalCents}`),
    check('orders_tendered_check', sql`${t.giftCardCents} >= 0 and ${t.storeCreditCents} >= 0 and ${t.giftCardCents} + ${t.storeCreditCents} <= ${t.totalCents}`),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    productId: uuid().references(() => products.id, { onDelete: 'set null' }),
    variantId: uuid().references(() => variants.id, { onDelete: 'set null' }),
    // Snapshots at purchase: later catalog edits never rewrite an order.
    productTitle: text().notNull(),
    variantTitle: text().notNull(),
    sku: text().notNull(),
    unitPriceCents: integer().notNull(),
    quantity: integer().notNull(),
    discountCents: integer().notNull().default(0),
    taxCents: integer().notNull().default(0),
    totalCents: integer().notNull(),
    imageKey: text(),
    // A gift card line (snapshot of the product type) and its recipient: paid, it issues one card per unit.
    isGiftCard: boolean().notNull().default(false),
    giftCardRecipient: jsonb().$type<GiftCardRecipient>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('order_lines_order_id_idx').on(t.orderId),
    index('order_lines_product_id_idx').on(t.productId),
    index('order_lines_variant_id_idx').on(t.variantId),
    check('order_lines_quantity_check', sql`${t.quantity} > 0`),
    check(
      'order_lines_amounts_check',
      sql`${t.unitPriceCents} >= 0 and ${t.discountCents} >= 0 and ${t.taxCents} >= 0 and ${t.totalCents} >= 0`,
    ),
  ],
);

/** The order timeline: every state change, payment, fulfilment, note and email, in order. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    message: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('order_events_order_id_idx').on(t.orderId, t.createdAt), index('order_events_actor_id_idx').on(t.actorId)],
);

export const paymentProviders = ['manual', 'stripe'] as const;
export type PaymentProvider = (typeof paymentProviders)[number];
export const paymentRecordStatuses = ['pending', 'requires_action', 'succeeded', 'failed', 'cancelled'] as const;
export type PaymentRecordStatus = (typeof paymentRecordStatuses)[number];

export const payments = pgTable(
  'payments',
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    provider: text({ enum: paymentProviders }).notNull(),
    status: text({ enum: paymentRecordStatuses }).notNull().default('pending'),
    amountCents: integer().notNull(),
    currency: currency(),
    refundedCents: integer().notNull().default(0),
    // e.g. the Stripe PaymentIntent id.
    providerReference: text(),
    capturedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('payments_order_id_idx').on(t.orderId),
    index('payments_status_idx').on(t.status),
    uniqueIndex('payments_provider_reference_unique').on(t.provider, t.providerReference),
    check('payments_provider_check', sql`${t.provider} in ('manual', 'stripe')`),
    check(
      'payments_status_check',
      sql`${t.status} in ('pending', 'requires_action', 'succeeded', 'failed', 'cancelled')`,
    ),
    check('payments_amount_check', sql`${t.amountCents} >= 0`),
    check('payments_refunded_check', sql`${t.refundedCents} >= 0 and ${t.refundedCents} <= ${t.amountCents}`),
  ],
);

export const refundStatuses = ['pending', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof refundStatuses)[number];

export const refunds = pgTable(
  'refunds',
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    paymentId: uuid()
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    amountCents: integer().notNull(),
    currency: currency(),
    reason: text().notNull().default(''),
    status: text({ enum: refundStatuses }).notNull().default('pending'),
    // The provider's refund id (Stripe "re_…"). Unique: a refund reported by the provider is recorded at most once.
    providerReference: text(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('refunds_order_id_idx').on(t.orderId),
    index('refunds_payment_id_idx').on(t.paymentId),
    index('refunds_actor_id_idx').on(t.actorId),
    uniqueIndex('refunds_provider_reference_unique').on(t.providerReference).where(sql`${t.providerReference} is not null`),
    check('refunds_amount_check', sql`${t.amountCents} > 0`),
    check('refunds_status_check', sql`${t.status} in ('pending', 'succeeded', 'failed')`),
  ],
);

export const fulfillmentStatuses = ['shipped', 'delivered'] as const;
export type FulfillmentStatus = (typeof fulfillmentStatuses)[number];

export const fulfillments = pgTable(
  'fulfillments',
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    status: text({ enum: fulfillmentStatuses }).notNull().default('shipped'),
    carrier: text().notNull(),
    trackingNumber: text().notNull(),
    trackingUrl: text(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    shippedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('fulfillments_order_id_idx').on(t.orderId),
    index('fulfillments_actor_id_idx').on(t.actorId),
    check('fulfillments_status_check', sql`${t.status} in ('shipped', 'delivered')`),
  ],
);

export const fulfillmentLines = pgTable(
  'fulfillment_lines',
  {
    id: id(),
    fulfillmentId: uuid()
      .notNull()
      .references(() => fulfillments.id, { onDelete: 'cascade' }),
    orderLineId: uuid()
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    quantity: integer().notNull(),
  },
  (t) => [
    uniqueIndex('fulfillment_lines_unique').on(t.fulfillmentId, t.orderLineId),
    index('fulfillment_lines_order_line_id_idx').on(t.orderLineId),
    check('fulfillment_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
);

/** One row per order that used a code: the per-customer limit counts these (by user, or email for guests). */
export const discountRedemptions = pgTable(
  'discount_redemptions',
  {
    id: id(),
    discountCodeId: uuid()
      .notNull()
      .references(() => discountCodes.id, { onDelete: 'cascade' }),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    email: text().notNull(),
    amountCents: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('discount_redemptions_order_unique').on(t.orderId),
    index('discount_redemptions_code_email_idx').on(t.discountCodeId, t.email),
    index('discount_redemptions_code_user_idx').on(t.discountCodeId, t.userId),
    index('discount_redemptions_user_id_idx').on(t.userId),
    check('discount_redemptions_amount_check', sql`${t.amountCents} >= 0`),
  ],
);

export type Order = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;
export type OrderLine = typeof orderLines.$inferSelect;
export type NewOrderLine = typeof orderLines.$inferInsert;
export type OrderEvent = typeof orderEvents.$inferSelect;
export type NewOrderEvent = typeof orderEvents.$inferInsert;
export type Payment = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;
export type Refund = typeof refunds.$inferSelect;
export type NewRefund = typeof refunds.$inferInsert;
export type Fulfillment = typeof fulfillments.$inferSelect;
export type NewFulfillment = typeof fulfillments.$inferInsert;
export type FulfillmentLine = typeof fulfillmentLines.$inferSelect;
export type DiscountRedemption = typeof discountRedemptions.$inferSelect;
export type NewDiscountRedemption = typeof discountRedemptions.$inferInsert;
