import { NextResponse } from 'next/server';
import { z } from 'zod';
import { cartRefFromRequest } from '@/lib/cart/api';
import { quantitySchema } from '@/lib/cart/schemas';
import { removeCartLine, updateCartLine } from '@/lib/cart/service';
import { route } from '@/lib/auth/guards';

const params = z.object({ lineId: z.uuid() });

// PATCH /api/store/v1/carts/current/lines/{lineId} — set a line's quantity (1..min(stock, 10)).
export const PATCH = route({ params, body: z.object({ quantity: quantitySchema }) }, async ({ request, params, body }) => {
  const cart = await updateCartLine(cartRefFromRequest(request), { lineId: params.lineId, quantity: body.quantity });
  return NextResponse.json({ cart }, { headers: { 'cache-control': 'no-store' } });
});

// DELETE /api/store/v1/carts/current/lines/{lineId} — remove a line.
export const DELETE = route({ params }, async ({ request, params }) => {
  const cart = await removeCartLine(cartRefFromRequest(request), params.lineId);
  return NextResponse.json({ cart }, { headers: { 'cache-control': 'no-store' } });
});
