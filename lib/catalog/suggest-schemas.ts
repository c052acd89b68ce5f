import { z } from 'zod';
import { categorySummarySchema, productCardSchema } from './types';

// The predictive search answer (lib/catalog/suggest.ts), shared by the Store API, its OpenAPI document and the
// header's search box.

export const SUGGESTION_LIMITS = { products: 6, categories: 4, queries: 4 } as const;

export const searchSuggestionsSchema = z.object({
  q: z.string().describe('The text the suggestions are for, as read (trimmed, lower case)'),
  products: z.array(productCardSchema).max(SUGGESTION_LIMITS.products),
  categories: z.array(categorySummarySchema).max(SUGGESTION_LIMITS.categories),
  queries: z.array(z.string()).max(SUGGESTION_LIMITS.queries).describe('Whole search texts that find products, best first'),
});
export type SearchSuggestions = z.infer<typeof searchSuggestionsSchema>;

export const suggestionQuerySchema = z.object({ q: z.string().trim().max(100, 'At most 100 characters.') });
