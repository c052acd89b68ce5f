import { customType, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

// Shared column builders. SQL names come from drizzle's snake_case casing (see db/client.ts and drizzle.config.ts).

export const id = () => uuid().primaryKey().defaultRandom();

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** ISO 4217 code, upper case. Every money column is integer minor units beside one of these. */
export const currency = () => varchar({ length: 3 }).notNull();

/** ISO 3166-1 alpha-2 country code, upper case. */
export const countryCode = () => varchar({ length: 2 }).notNull();

export const tsvector = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'tsvector';
  },
});

/** A gift card recipient chosen on the product page, kept on the cart line and the order line. */
export type GiftCardRecipient = { email: string; name: string; message: string };
