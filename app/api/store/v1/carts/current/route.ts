import { NextResponse } from 'next/server';
import { cartRefFromRequest } from '@/lib/cart/api';
import { getCartView } from '@/lib/cart/service';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/auth/guards';

// GET /api/store/v1/carts/current — the signed-in customer's cart, else the one named by X-Cart-Token (or the cart
// cookie), priced now.
export const GET = route({ identify: true }, async ({ request, user }) => {
  const cart = await getCartView(cartRefFromRequest(request, user));
  if (!cart) throw new AppError('not_found', 'No cart for this token.');
  return NextResponse.json({ cart }, { headers: { 'cache-control': 'no-store' } });
});
