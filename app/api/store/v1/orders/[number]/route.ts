import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getSessionUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { clientIp, enforceRateLimit, ipSubject, RATE_LIMITS } from '@/lib/rate-limit';
import { route } from '@/lib/http/route';
import { getOrderByNumberAndEmail, getOrderForUser } from '@/lib/orders/queries';

// GET /api/store/v1/orders/{number} — an order for its owner: the signed-in customer, or a guest who sends the
// order's email in the X-Order-Email header. Anyone else gets 404, the same as for a number that does not exist.
export const GET = route({ params: z.object({ number: z.string().max(20) }) }, async ({ request, params }) => {
  const user = await getSessionUser().catch(() => null);
  const email = request.headers.get('x-order-email');
  // Guessing number + email pairs is throttled like the storefront's lookup form.
  if (!user) await enforceRateLimit(RATE_LIMITS.orderLookupPerIp, ipSubject(clientIp(request.headers)));
  const order = user
    ? await getOrderForUser(user.id, params.number)
    : email
      ? await getOrderByNumberAndEmail(params.number, email)
      : null;
  if (!order) throw new AppError('not_found', 'No such order.');
  return NextResponse.json({ order }, { headers: { 'cache-control': 'no-store' } });
});
