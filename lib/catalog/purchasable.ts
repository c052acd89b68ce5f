// The one rule of what a shopper can buy, for the cart (adding, showing what is left) and checkout (placing).
// Pure: callers read the fields in their own statements (checkout under its row locks).

export type PurchasableFields = { isActive: boolean; productStatus: string; currency: string };

/** On sale at all: the variant is active and its product is published. */
export function isOnSale(variant: Pick<PurchasableFields, 'isActive' | 'productStatus'>): boolean {
  return variant.isActive && variant.productStatus === 'active';
}

/** Can go into (or be ordered from) a cart in `cartCurrency`: on sale, and priced in that currency. */
export function isPurchasable(variant: PurchasableFields, cartCurrency: string): boolean {
  return isOnSale(variant) && variant.currency === cartCurrency;
}
