import { NextResponse } from 'next/server';
import { z } from 'zod';
import { cartRefFromRequest } from '@/lib/cart/api';
import { quantitySchema } from '@/lib/cart/schemas';
import { removeCartLine, updateCartLine } from '@/lib/cart/service';
import { route } from '@/lib/auth/guards';

const params = z.object({ lineId: z.uuid() });

// PATCH /api/store/v1/carts/current/lines/{lineId} — set a line's quantity (1..min(stock, 10)).
export const PATCH = route({ params, body: z.object({ quantity: quantitySchema }), identify: true }, async ({ request, params, body, user }) => {
  const cart = await updateCartLine(cartRefFromRequest(request, user), { lineId: params.lineId, quantity: body.quantity });
  return NextResponse.json({ cart }, { headers: { 'cache-control': 'no-store' } });
});

// DELETE /api/store/v1/carts/current/lines/{lineId} — remove a line.
export const DELETE = route({ params, identify: true }, async ({ request, params, user }) => {
  const cart = await removeCartLine(cartRefFromRequest(request, user), params.lineId);
  return NextResponse.json({ cart }, { headers: { 'cache-control': 'no-store' } });
});
