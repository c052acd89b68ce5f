// GET /api/store/v1/search/suggestions — predictive search as a shopper types: a few products, the categories the
// words name and whole queries that find something; the header's search box asks it on every pause in typing.
import { NextResponse } from 'next/server';
import { CATALOG_CACHE_CONTROL } from '@/lib/api/catalog';
import { getCachedSearchSuggestions } from '@/lib/catalog/cache';
import { type SearchSuggestions, suggestionQuerySchema } from '@/lib/catalog/suggest-schemas';
import { route } from '@/lib/auth/guards';
import { marketFromQuery } from '@/lib/markets/api';

export const GET = route({ query: suggestionQuerySchema }, async ({ query, request }) => {
  const suggestions: SearchSuggestions = await getCachedSearchSuggestions(query.q, await marketFromQuery(request.nextUrl.searchParams));
  return NextResponse.json(suggestions, { headers: { 'cache-control': CATALOG_CACHE_CONTROL } });
});
