import { NextResponse } from 'next/server';
import { cartRefFromRequest } from '@/lib/cart/api';
import { hashCartToken } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { completeCheckout } from '@/lib/checkout/complete';
import type { PlacedOrderResponse } from '@/lib/checkout/types';
import { AppError } from '@/lib/errors';
import { requestHash, withIdempotency } from '@/lib/http/idempotency';
import { route } from '@/lib/auth/guards';
import { placeOrderLimits } from '@/lib/checkout/limits';
import { startPaymentForOrderNumber } from '@/lib/payments/service';
import type { PaymentStart } from '@/lib/payments/types';

// POST /api/store/v1/checkout — place the order for the signed-in customer's cart (bearer token or session), else the
// cart named by X-Cart-Token. Requires an Idempotency-Key header. The body carries email, address, shipping rate and an optional
// discount code, gift card codes and store credit, and the shopper's language for the order's emails; every price
// comes from the database. A retry with the same key replays the first answer.
// With paymentProvider "stripe" the answer also carries the PaymentIntent (sized from the order's server-side
// total) that the client confirms with Stripe.js / the mobile SDKs.
export const POST = route({ body: placeOrderSchema, rateLimit: placeOrderLimits, identify: true }, async ({ request, body, user, log }) => {
  const key = request.headers.get('idempotency-key');
  if (!key) throw new AppError('bad_request', 'Send an Idempotency-Key header (e.g. a UUID) so that retries are safe.');
  const ref = cartRefFromRequest(request, user);
  if (!ref.userId && !ref.token) throw new AppError('not_found', 'No cart for this token.');
  const scope = `checkout:${user ? `user:${user.id}` : `cart:${hashCartToken(ref.token!)}`}`;
  const result = await withIdempotency(scope, key, requestHash(body), async () => {
    const placed = await completeCheckout(ref, body, { userId: user?.id ?? null, followCountryMarket: true, locale: body.locale });
    return {
      status: placed.created ? 201 : 200,
      body: { order: { number: placed.number, totalCents: placed.totalCents, amountDueCents: placed.amountDueCents, currency: placed.currency } },
    };
  });
  const stored = result.body as Pick<PlacedOrderResponse, 'order'>;
  // The PaymentIntent is started (or, on a replay, found again: Stripe's idempotency key is per order) after the
  // stored answer, so its client secret is never written to the idempotency table.
  let payment: PaymentStart | null = null;
  // Covered in full by gift cards / store credit: paid already, there is nothing to start.
  if (body.paymentProvider === 'stripe' && (stored.order.amountDueCents ?? stored.order.totalCents) > 0) {
    try {
      payment = await startPaymentForOrderNumber(stored.order.number);
    } catch (error) {
      log.error({ err: error }, 'payment could not be started');
      throw new AppError(
        'unavailable',
        `Order ${stored.order.number} is placed, but card payment could not be started. Retry this request with the same Idempotency-Key to get the payment details.`,
        { headers: { 'retry-after': '5' } },
      );
    }
  }
  const answer: PlacedOrderResponse = payment ? { ...stored, payment } : stored;
  return NextResponse.json(answer, {
    status: result.status,
    headers: { 'cache-control': 'no-store', ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}) },
  });
});
