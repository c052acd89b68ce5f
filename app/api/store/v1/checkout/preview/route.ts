import { NextResponse } from 'next/server';
import { route } from '@/lib/auth/guards';
import { cartRefFromRequest } from '@/lib/cart/api';
import { checkoutQuoteLimits } from '@/lib/checkout/limits';
import { quoteCheckout } from '@/lib/checkout/quote';
import { checkoutQuoteSchema } from '@/lib/checkout/schemas';
import { AppError } from '@/lib/errors';

// POST /api/store/v1/checkout/preview — what placing the order would charge, before placing it: totals, tax,
// discount and their split over the lines, for a destination, shipping rate and code. The same previewCheckout
// arithmetic the web checkout's summary uses and placement runs again in its transaction, on today's prices.
// Nothing is reserved or written. Wrong discount codes spend the same failure budget as the web's code field.
export const POST = route({ body: checkoutQuoteSchema, rateLimit: checkoutQuoteLimits, identify: true }, async ({ request, user, body, ip }) => {
  const quoted = await quoteCheckout(cartRefFromRequest(request, user), body, ip);
  if (!quoted) throw new AppError('not_found', 'No cart with something to buy for this token.');
  return NextResponse.json({ cart: quoted.cart, preview: quoted.quote });
});
