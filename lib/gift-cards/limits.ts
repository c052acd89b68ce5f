import 'server-only';
import { AppError } from '@/lib/errors';
import { RATE_LIMITS, reserveAttempt, type Reservation } from '@/lib/rate-limit';

// Gift card codes are guessed like discount codes (lib/checkout/discount-preview.ts), but each hit is money: wrong
// codes are counted per address, failures only — a unit is reserved before the lookup and given back when every code
// typed was a real card — so a burst of concurrent guesses gets at most the limit checked.

export const GIFT_CARD_ATTEMPTS_MESSAGE = 'Too many gift card attempts. Please wait a few minutes and try again.';

/** A reservation to release when the codes were all real, or 'limited' when the address is over its budget. */
export async function withinGiftCardGuessLimit(ip: string): Promise<Reservation | 'limited'> {
  try {
    return await reserveAttempt([[RATE_LIMITS.giftCardFailuresPerIp, ip]]);
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited') return 'limited';
    throw error;
  }
}
