import { z } from 'zod';
import { isCountryCode } from '@/lib/store/countries';
import { MARKET_CODE } from './types';

// What staff submit from /admin/markets. Amounts and rates arrive as decimal strings and are parsed exactly in the
// service (lib/money, lib/markets/pricing), never through floats.

const countriesSchema = z
  .string()
  .trim()
  .default('')
  .transform((value, ctx) => {
    const codes = [...new Set(value.split(/[\s,]+/).filter(Boolean).map((code) => code.toUpperCase()))];
    const unknown = codes.filter((code) => !isCountryCode(code));
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: `Not a country code: ${unknown.slice(0, 5).join(', ')}.` });
      return z.NEVER;
    }
    return codes.sort();
  });

export const marketInputSchema = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, 'Enter a name.').max(80, 'Keep the name under 80 characters.'),
  code: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.string().regex(MARKET_CODE, 'Use 1–32 lower-case letters, digits or -, starting with a letter or digit.')),
  countries: countriesSchema,
  // The default market's currency, rate and tax display are the store's own (Settings): not submitted for it.
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .refine((value) => value === undefined || /^[A-Z]{3}$/.test(value), 'Enter a three-letter ISO currency code, e.g. EUR.'),
  exchangeRate: z
    .string()
    .trim()
    .optional()
    .refine((value) => value === undefined || (/^\d{1,9}(?:\.\d{1,10})?$/.test(value) && /[1-9]/.test(value)), 'Enter a rate above zero with at most 10 decimals, e.g. 0.92.'),
  roundingRule: z.enum(['none', 'whole', '99', '95'], 'Choose a rounding rule.').optional(),
  taxDisplay: z.enum(['inclusive', 'exclusive'], 'Choose how prices are shown.').optional(),
});
export type MarketInput = z.infer<typeof marketInputSchema>;

export const marketIdSchema = z.object({ id: z.uuid('Unknown market.') });

export const marketPriceInputSchema = z.object({
  marketId: z.uuid('Unknown market.'),
  sku: z.string().trim().min(1, 'Enter the SKU of a variant.').max(100),
  price: z.string().trim().min(1, 'Enter a price.').max(30),
  compareAtPrice: z.string().trim().max(30).default(''),
});
export type MarketPriceInput = z.infer<typeof marketPriceInputSchema>;

export const removeMarketPriceSchema = z.object({ marketId: z.uuid('Unknown market.'), variantId: z.uuid('Unknown variant.') });

/** The storefront's selector: a market code. */
export const chooseMarketSchema = z.object({ market: z.string().trim().regex(MARKET_CODE, 'Choose a market.') });
