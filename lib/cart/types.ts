/** One cart line as shoppers and API clients see it. Prices are the catalogue's current ones, never stored ones. */
export type CartLineView = {
  id: string;
  variantId: string;
  productSlug: string;
  productTitle: string;
  variantTitle: string;
  sku: string;
  imageUrl: string | null;
  imageAlt: string;
  unitPriceCents: number;
  quantity: number;
  lineTotalCents: number;
  /** Most this line may hold now: min(stock, per-line maximum); 0 when it can no longer be bought. */
  maxQuantity: number;
  /** Why the line cannot be checked out as it is; null when it can. */
  problem: 'unavailable' | 'insufficient_stock' | null;
};

export type CartView = {
  id: string;
  currency: string;
  lines: CartLineView[];
  itemCount: number;
  /** Sum of the lines that can be bought, at current prices. */
  subtotalCents: number;
  /** True when some line needs attention before checkout. */
  hasProblems: boolean;
};

/** How a request identifies its cart: the signed-in user, or the guest cookie's token. */
export type CartRef = { userId?: string | null; token?: string | null };
