import { bearerToken, readAccessToken, revokeApiSession } from '@/lib/auth/api-tokens';
import { route } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';

// POST /api/store/v1/auth/sign-out — revoke the sign-in the bearer token belongs to: its access token and every
// refresh token of it stop working at once, on every instance. (The web signs out its cookie session itself.)
export const POST = route({ auth: 'customer' }, async ({ request, user }) => {
  const claims = readAccessToken(bearerToken(request) ?? '');
  if (!claims) throw new AppError('bad_request', 'Send the access token to sign out as "Authorization: Bearer <accessToken>".');
  await revokeApiSession(claims.sid, user!.id);
  return new Response(null, { status: 204 });
});
