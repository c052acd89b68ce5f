// The one rule of what a shopper can buy, for the cart (adding, showing what is left) and checkout (placing).
// Pure: callers read the fields in their own statements (checkout under its row locks).

export type PurchasableFields = { isActive: boolean; productStatus: string; currency: string };

/** On sale at all: the variant is active and its product is published. */
export function isOnSale(variant: Pick<PurchasableFields, 'isActive' | 'productStatus'>): boolean {
  return variant.isActive && variant.productStatus === 'active';
}

/**
 * Can go into (or be ordered from) a cart: on sale, and priced in the store's base currency — the price every
 * market's price is resolved from (lib/markets/pricing.ts), whatever currency the cart itself is in.
 */
export function isPurchasable(variant: PurchasableFields, baseCurrency: string): boolean {
  return isOnSale(variant) && variant.currency === baseCurrency;
}
