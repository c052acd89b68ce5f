import { NextResponse } from 'next/server';
import { getSessionUser } from '@/lib/auth/session';
import { cartRefFromRequest } from '@/lib/cart/api';
import { hashCartToken } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { placeOrderAndRecord } from '@/lib/checkout/placement';
import type { PlacedOrder } from '@/lib/checkout/service';
import { AppError } from '@/lib/http/errors';
import { requestHash, withIdempotency } from '@/lib/http/idempotency';
import { route } from '@/lib/http/route';
import { logger } from '@/lib/log';
import { deliverOrderPlaced } from '@/lib/orders/notifications';

// POST /api/store/v1/checkout — place the order for the cart named by X-Cart-Token (or the signed-in customer's
// cart). Requires an Idempotency-Key header. The body carries email, address, shipping rate and an optional
// discount code; every price comes from the database. A retry with the same key replays the first answer.
export const POST = route({ body: placeOrderSchema }, async ({ request, body }) => {
  const key = request.headers.get('idempotency-key');
  if (!key) throw new AppError('bad_request', 'Send an Idempotency-Key header (e.g. a UUID) so that retries are safe.');
  // Outside a Next request scope (tests) there is no session; that is a guest.
  const user = await getSessionUser().catch(() => null);
  const ref = user ? { userId: user.id } : cartRefFromRequest(request);
  if (!ref.userId && !ref.token) throw new AppError('not_found', 'No cart for this token.');
  const scope = `checkout:${user ? `user:${user.id}` : `cart:${hashCartToken(ref.token!)}`}`;
  let placed: PlacedOrder | undefined;
  const result = await withIdempotency(scope, key, requestHash(body), async () => {
    placed = await placeOrderAndRecord(ref, body, { userId: user?.id ?? null });
    return {
      status: placed.created ? 201 : 200,
      body: { order: { number: placed.number, totalCents: placed.totalCents, currency: placed.currency } },
    };
  });
  if (placed?.created) {
    await deliverOrderPlaced(placed.orderId).catch((error: unknown) => logger.error({ err: error }, 'confirmation delivery failed'));
  }
  return NextResponse.json(result.body, {
    status: result.status,
    headers: { 'cache-control': 'no-store', ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}) },
  });
});
