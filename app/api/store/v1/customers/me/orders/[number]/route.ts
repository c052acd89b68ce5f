import { NextResponse } from 'next/server';
import { z } from 'zod';
import { route } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { getOrderForUser } from '@/lib/orders/queries';

// GET /api/store/v1/customers/me/orders/{number} — one of the signed-in customer's orders (the owner is in the
// WHERE clause: another customer's order is 404, like one that does not exist).
export const GET = route({ auth: 'customer', params: z.object({ number: z.string().max(20) }) }, async ({ user, params }) => {
  const order = await getOrderForUser(user!.id, params.number);
  if (!order) throw new AppError('not_found', 'No such order.');
  return NextResponse.json({ order });
});
