import { NextResponse } from 'next/server';
import { withCartCookie } from '@/lib/cart/api';
import { createEmptyCart } from '@/lib/cart/service';
import { route } from '@/lib/auth/guards';
import { addToCartLimits } from '@/lib/cart/limits';
import { marketFromQuery } from '@/lib/markets/api';

// POST /api/store/v1/carts — create an empty guest cart in a market (?market=eu; default: the default market); the
// token in the answer is the only way back to it.
export const POST = route({ rateLimit: addToCartLimits }, async ({ request }) => {
  const { cart, token } = await createEmptyCart(undefined, await marketFromQuery(request.nextUrl.searchParams));
  return withCartCookie(NextResponse.json({ token, cart }, { status: 201, headers: { 'cache-control': 'no-store' } }), token);
});
