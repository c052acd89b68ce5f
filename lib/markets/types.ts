import { z } from 'zod';

// DTOs of the markets domain; zod is the one source of their types and of the Store API's OpenAPI document.

export const MARKET_CODE = /^[a-z0-9][a-z0-9-]{0,31}$/;

export const marketSchema = z.object({
  code: z.string().regex(MARKET_CODE).describe('Short code, e.g. "eu": the `market` parameter of Store API reads and carts'),
  name: z.string(),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).describe('ISO 3166-1 alpha-2 countries of this market (the default market also serves every country no market lists)'),
  currency: z.string().regex(/^[A-Z]{3}$/).describe('ISO 4217 currency prices are shown and charged in'),
  taxDisplay: z.enum(['inclusive', 'exclusive']).describe('Whether shown prices include tax'),
  isDefault: z.boolean(),
});
export type MarketSummary = z.infer<typeof marketSchema>;

/** A market as the server prices with it. `id` is null for the store's implicit market before any market was made. */
export type MarketView = MarketSummary & {
  id: string | null;
  exchangeRate: string;
  roundingRule: 'none' | 'whole' | '99' | '95';
  /** The storefront language shoppers who choose this market are shown (unless they chose a language themselves). */
  defaultLocale: 'en' | 'de' | 'fr';
  position: number;
};

export type ExplicitPriceView = {
  variantId: string;
  sku: string;
  productTitle: string;
  variantTitle: string;
  productSlug: string;
  basePriceCents: number;
  baseCurrency: string;
  priceCents: number;
  compareAtPriceCents: number | null;
  currency: string;
};
