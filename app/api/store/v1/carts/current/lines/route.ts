import { NextResponse } from 'next/server';
import { cartRefFromRequest, withCartCookie } from '@/lib/cart/api';
import { addToCartSchema } from '@/lib/cart/schemas';
import { addCartLine } from '@/lib/cart/service';
import { route } from '@/lib/auth/guards';
import { addToCartLimits } from '@/lib/cart/limits';
import { namedMarketFromQuery } from '@/lib/markets/api';

// POST /api/store/v1/carts/current/lines — add a variant (creates the cart when the request names none); a signed-in
// customer's line goes to their own cart.
// Only variantId and quantity are read: a price or total sent by the client is ignored by construction.
export const POST = route({ body: addToCartSchema, rateLimit: addToCartLimits, identify: true }, async ({ request, body, user }) => {
  // ?market= makes a new cart in that market, or moves the named cart there (re-priced) before adding.
  const result = await addCartLine(cartRefFromRequest(request, user), body, undefined, await namedMarketFromQuery(request.nextUrl.searchParams));
  const payload = result.newToken ? { token: result.newToken, cart: result.cart } : { cart: result.cart };
  return withCartCookie(NextResponse.json(payload, { status: 201, headers: { 'cache-control': 'no-store' } }), result.newToken);
});
