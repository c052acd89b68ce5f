import { NextResponse } from 'next/server';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/auth/guards';
import { orderLookupLimits } from '@/lib/orders/limits';
import type { OperationLimits } from '@/lib/rate-limit';
import { getOrderByNumberAndEmail, getOrderForUser } from '@/lib/orders/queries';

// GET /api/store/v1/orders/{number} — an order for its owner: the signed-in customer (bearer token or session), or a guest who sends the
// order's email in the X-Order-Email header. Anyone else gets 404, the same as for a number that does not exist.
// Guessing number + email pairs is throttled like the storefront's lookup form (the same declared limits); a
// signed-in customer reading their own orders is not.
const guestLookupLimits: OperationLimits<unknown> = (input, client) => (client.header('x-order-email') ? orderLookupLimits(input, client) : []);

export const GET = route({ params: z.object({ number: z.string().max(20) }), rateLimit: guestLookupLimits, identify: true }, async ({ request, params, user }) => {
  const email = request.headers.get('x-order-email');
  const order = user
    ? await getOrderForUser(user.id, params.number)
    : email
      ? await getOrderByNumberAndEmail(params.number, email)
      : null;
  if (!order) throw new AppError('not_found', 'No such order.');
  return NextResponse.json({ order }, { headers: { 'cache-control': 'no-store' } });
});
