import 'server-only';
import { type OperationLimits, RATE_LIMITS, type RateLimitPolicy } from '@/lib/rate-limit';

/**
 * Placing an order, from the checkout form and from the Store API alike: per address (bounds stock reservation and
 * email abuse), and attempts carrying a discount code besides, because codes are short and guessable.
 */
export const placeOrderLimits: OperationLimits<{ discountCode?: string | null; giftCardCodes?: string[] } | undefined> = (input, client) => {
  const limits: [RateLimitPolicy, string][] = [[RATE_LIMITS.checkoutPerIp, client.ip]];
  if (input?.discountCode) limits.push([RATE_LIMITS.discountCodePerIp, client.ip]);
  // Placing with gift card codes is one more way to test them.
  if (input?.giftCardCodes?.length) limits.push([RATE_LIMITS.giftCardPerIp, client.ip]);
  return limits;
};

/**
 * The checkout's live order summary, re-priced as the shopper types (debounced: a few calls a minute per shopper):
 * per address, a ceiling for scripts replaying it as a free pricing oracle. Wrong discount codes tried through it
 * also spend the code-failure budget (lib/checkout/discount-preview.ts).
 */
export const checkoutQuoteLimits: OperationLimits<unknown> = (_input, client) => [[RATE_LIMITS.checkoutQuotePerIp, client.ip]];
