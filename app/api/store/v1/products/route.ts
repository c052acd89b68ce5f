// GET /api/store/v1/products — search, filter (with facet counts), sort and paginate active products; the same
// service and parameters as the storefront's category and search pages.
import { NextResponse } from 'next/server';
import { CATALOG_CACHE_CONTROL, parseCatalogApiQuery, type ProductList } from '@/lib/api/catalog';
import { searchCatalogCached } from '@/lib/catalog/cache';
import { UnknownCategoryError } from '@/lib/catalog/search';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/auth/guards';
import { marketFromQuery } from '@/lib/markets/api';

export const GET = route({}, async ({ request }) => {
  const market = await marketFromQuery(request.nextUrl.searchParams);
  const query = parseCatalogApiQuery(request.nextUrl.searchParams, market.currency);
  const result = await searchCatalogCached(query, market).catch((error: unknown) => {
    if (error instanceof UnknownCategoryError) throw new AppError('not_found', `No category "${query.category}".`);
    throw error;
  });
  const list: ProductList = {
    data: result.items,
    pagination: { page: result.page, perPage: result.perPage, total: result.total, totalPages: result.totalPages },
    sort: result.sort,
    facets: result.facets,
    category: result.category,
    search: result.search,
  };
  return NextResponse.json(list, { headers: { 'cache-control': CATALOG_CACHE_CONTROL } });
});
