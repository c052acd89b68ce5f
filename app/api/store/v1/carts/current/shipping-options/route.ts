import { NextResponse } from 'next/server';
import { route } from '@/lib/auth/guards';
import { cartRefFromRequest } from '@/lib/cart/api';
import { checkoutQuoteLimits } from '@/lib/checkout/limits';
import { quoteCheckout } from '@/lib/checkout/quote';
import { shippingOptionsQuerySchema } from '@/lib/checkout/schemas';
import { AppError } from '@/lib/errors';

// GET /api/store/v1/carts/current/shipping-options — the shipping methods (with prices) for the cart and a
// destination, from the same quote the web checkout shows; `shippingCents` is what the first (cheapest for this
// zone's order) costs this cart, free-above thresholds applied. A country no zone ships to is 422.
export const GET = route({ query: shippingOptionsQuerySchema, rateLimit: checkoutQuoteLimits, identify: true }, async ({ request, user, query, ip }) => {
  const quoted = await quoteCheckout(cartRefFromRequest(request, user), { ...query, shippingRateId: null, discountCode: null }, ip);
  if (!quoted) throw new AppError('not_found', 'No cart with something to buy for this token.');
  const { quote } = quoted;
  return NextResponse.json({
    currency: quote.currency,
    countryCode: quote.countryCode,
    shippingOptions: quote.shippingOptions,
    addressErrors: quote.addressErrors,
  });
});
