// GET /api/admin/v1/openapi.json — the Admin API described as OpenAPI 3.1 (public: it holds no data).
import { NextResponse } from 'next/server';
import { adminApiDocument } from '@/lib/api/admin-openapi';
import { route } from '@/lib/auth/guards';
import { env } from '@/lib/env';

export const GET = route({}, () => NextResponse.json(adminApiDocument(env.SITE_URL), { headers: { 'cache-control': 'public, max-age=300' } }));
