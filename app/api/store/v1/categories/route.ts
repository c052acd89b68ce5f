// GET /api/store/v1/categories — the category tree.
import { NextResponse } from 'next/server';
import { CATALOG_CACHE_CONTROL } from '@/lib/api/catalog';
import { getCachedCategoryTree } from '@/lib/catalog/cache';
import { route } from '@/lib/auth/guards';

export const GET = route({}, async () =>
  NextResponse.json({ data: await getCachedCategoryTree() }, { headers: { 'cache-control': CATALOG_CACHE_CONTROL } }),
);
