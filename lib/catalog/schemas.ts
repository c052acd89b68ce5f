import { z } from 'zod';

// The catalog query, shared by the pages (URL search params) and the Store API. Every value is allow-listed or
// bounded here, so nothing a shopper types reaches SQL except as a bound parameter.

export const catalogSorts = ['relevance', 'newest', 'price_asc', 'price_desc', 'best_selling'] as const;
export type CatalogSort = (typeof catalogSorts)[number];

export const PAGE_SIZE_DEFAULT = 24;
export const PAGE_SIZE_MAX = 100;
/** Deep pages are allowed (no fixed cap on what can be reached); this only bounds absurd inputs. */
export const PAGE_MAX = 100_000;
const MAX_OPTION_FILTERS = 8;
const MAX_VALUES_PER_OPTION = 20;

const optionName = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} _-]+$/u, 'Option names are letters, numbers, spaces, - and _');
const optionValue = z.string().trim().min(1).max(60);

/** Option filters keyed by lower-case option name: { size: ['M', 'L'], colour: ['Black'] }. */
export const optionFiltersSchema = z
  .record(optionName, z.array(optionValue).min(1).max(MAX_VALUES_PER_OPTION))
  .refine((record) => Object.keys(record).length <= MAX_OPTION_FILTERS, `At most ${MAX_OPTION_FILTERS} option filters`);

const cents = z.number().int().min(0).max(100_000_000);

/** The query as the engine reads it: a market's price range, translated into the base currency, may be empty. */
export const engineQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  category: z
    .string()
    .max(120)
    .regex(/^[a-z0-9-]+$/, 'Category is a slug')
    .optional(),
  options: optionFiltersSchema.default({}),
  priceMinCents: cents.optional(),
  priceMaxCents: cents.optional(),
  inStock: z.boolean().default(false),
  sort: z.enum(catalogSorts).optional(),
  page: z.number().int().min(1).max(PAGE_MAX).default(1),
  perPage: z.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});

export const catalogQuerySchema = engineQuerySchema.refine((query) => query.priceMinCents === undefined || query.priceMaxCents === undefined || query.priceMinCents <= query.priceMaxCents, {
  message: 'Minimum price must not be above the maximum',
  path: ['priceMinCents'],
});

export type CatalogQuery = z.infer<typeof catalogQuerySchema>;
export type CatalogQueryInput = z.input<typeof catalogQuerySchema>;

/** Sort actually applied: relevance needs a search text; without one, best sellers come first. */
export function effectiveSort(query: Pick<CatalogQuery, 'q' | 'sort'>): CatalogSort {
  const hasText = Boolean(query.q && query.q.trim());
  if (!query.sort) return hasText ? 'relevance' : 'best_selling';
  if (query.sort === 'relevance' && !hasText) return 'best_selling';
  return query.sort;
}
