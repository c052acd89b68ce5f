import 'server-only';
import { z } from 'zod';
import { AppError, fieldErrorsFrom, type FieldErrors } from '@/lib/errors';
import { parseCatalogParamsStrict, toSearchParamsRecord } from '@/lib/catalog/url';
import { type CatalogQuery, catalogSorts } from '@/lib/catalog/schemas';
import { catalogFacetsSchema, categorySummarySchema, productCardSchema } from '@/lib/catalog/types';

/** Catalog data is the same for every client: shareable by caches for a minute, served stale while refreshing. */
export const CATALOG_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/** GET /api/store/v1/products: a page of products with its facet counts. */
export const productListSchema = z.object({
  data: z.array(productCardSchema),
  pagination: z.object({ page: z.number().int(), perPage: z.number().int(), total: z.number().int(), totalPages: z.number().int() }),
  sort: z.enum(catalogSorts),
  facets: catalogFacetsSchema,
  category: categorySummarySchema.nullable().describe('The category the list is scoped to, when there is one'),
  search: z
    .object({
      correctedQuery: z.string().nullable().describe('The text as read when a word was corrected ("jakcet" → "jacket")'),
      didYouMean: z.string().nullable().describe('With no results: a text built from the catalogue\'s words that finds some'),
    })
    .nullable()
    .describe('How q was read; null without q'),
});
export type ProductList = z.infer<typeof productListSchema>;

const PARAM_NAMES: Record<string, string> = {
  perPage: 'per_page',
  priceMinCents: 'price_min',
  priceMaxCents: 'price_max',
  inStock: 'in_stock',
};

/** Validation errors keyed by the URL parameter the client sent (per_page, opt.size), not internal field names. */
function toParamErrors(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(fields)) {
    const [head, ...rest] = key.split('.');
    const name = head === 'options' ? `opt.${rest[0] ?? ''}` : (PARAM_NAMES[head ?? ''] ?? head ?? key);
    (out[name] ??= []).push(...messages);
  }
  return out;
}

export function parseCatalogApiQuery(params: URLSearchParams, currency: string): CatalogQuery {
  try {
    return parseCatalogParamsStrict(toSearchParamsRecord(params), currency);
  } catch (error) {
    if (error instanceof z.ZodError) {
      throw new AppError('validation_failed', 'Some query parameters are invalid.', { fieldErrors: toParamErrors(fieldErrorsFrom(error)) });
    }
    throw error;
  }
}
