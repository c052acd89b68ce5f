// GET /api/store/v1/openapi.json — the Store API described as OpenAPI 3.1.
import { NextResponse } from 'next/server';
import { storeApiDocument } from '@/lib/api/openapi';
import { route } from '@/lib/auth/guards';
import { env } from '@/lib/env';

export const GET = route({}, () =>
  NextResponse.json(storeApiDocument(env.SITE_URL), { headers: { 'cache-control': 'public, max-age=300' } }),
);
