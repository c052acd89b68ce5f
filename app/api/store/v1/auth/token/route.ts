import { NextResponse } from 'next/server';
import { signInForApi } from '@/lib/auth/api-sign-in';
import { route } from '@/lib/auth/guards';
import { apiSignInSchema } from '@/lib/auth/schemas';
import { cartRefFromRequest } from '@/lib/cart/api';

// POST /api/store/v1/auth/token — sign in with email and password (and the second factor when the account has one):
// a short-lived access token and a one-use refresh token. The web sign-in's failure budget applies (per account at
// this address and per address). A guest cart named by X-Cart-Token joins the customer's cart.
export const POST = route({ body: apiSignInSchema }, async ({ request, body, ip }) => {
  const tokens = await signInForApi(body, ip, cartRefFromRequest(request).token ?? null);
  return NextResponse.json(tokens, { status: 200 });
});
