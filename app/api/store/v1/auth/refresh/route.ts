import { NextResponse } from 'next/server';
import { refreshApiSession } from '@/lib/auth/api-tokens';
import { route } from '@/lib/auth/guards';
import { apiRefreshSchema } from '@/lib/auth/schemas';

// POST /api/store/v1/auth/refresh — spend a refresh token for a new access and refresh token. Each refresh token
// works once; presenting a spent one again revokes the whole sign-in (someone else holds a copy).
export const POST = route({ body: apiRefreshSchema }, async ({ body }) => NextResponse.json(await refreshApiSession(body.refreshToken)));
