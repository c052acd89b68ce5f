// GET /api/store/v1/products/{slug} — one active product with its options, variants (price, stock state) and images.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { CATALOG_CACHE_CONTROL } from '@/lib/api/catalog';
import { getCachedProductDetail } from '@/lib/catalog/cache';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/auth/guards';
import { marketFromQuery } from '@/lib/markets/api';

const params = z.object({ slug: z.string().max(200).regex(/^[a-z0-9-]+$/, 'A product slug') });

export const GET = route({ params }, async ({ params, request }) => {
  const product = await getCachedProductDetail(params.slug, await marketFromQuery(request.nextUrl.searchParams));
  if (!product) throw new AppError('not_found', 'No such product.');
  return NextResponse.json({ data: product }, { headers: { 'cache-control': CATALOG_CACHE_CONTROL } });
});
