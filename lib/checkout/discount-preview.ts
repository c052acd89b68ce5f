import 'server-only';
import { db, type Executor } from '@/db/client';
import type { CartRef } from '@/lib/cart/types';
import { AppError } from '@/lib/errors';
import { RATE_LIMITS, reserveAttempt, type Reservation } from '@/lib/rate-limit';
import { type CheckoutPreview, previewCheckout } from './service';

// The checkout page's code field is a GET preview, so without a limit it is a free oracle for guessing codes.
// Wrong codes are counted per address (failures only): a unit is reserved *before* the code is looked up and given
// back when the code was good, so a burst of concurrent guesses gets at most the limit checked (issue 14, finding 2).

export const CODE_ATTEMPTS_MESSAGE = 'Too many discount code attempts. Please wait a few minutes and try again.';

export type PreviewWithCode = { preview: CheckoutPreview | null; discountError: string | null };

export async function previewCheckoutWithinCodeLimit(
  ref: CartRef,
  input: { countryCode: string; region: string; shippingRateId: string | null; discountCode: string | null; giftCardCodes?: string[]; useStoreCredit?: boolean },
  ip: string,
  executor: Executor = db,
): Promise<PreviewWithCode> {
  if (!input.discountCode) {
    const preview = await previewCheckout(ref, input, executor);
    return { preview, discountError: preview?.discountError ?? null };
  }
  let reservation: Reservation;
  try {
    reservation = await reserveAttempt([[RATE_LIMITS.discountCodeFailuresPerIp, ip]]);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'rate_limited') throw error;
    // Over the limit: the page still renders (without the code), the field says why.
    return { preview: await previewCheckout(ref, { ...input, discountCode: null }, executor), discountError: CODE_ATTEMPTS_MESSAGE };
  }
  let preview: CheckoutPreview | null;
  try {
    preview = await previewCheckout(ref, input, executor);
  } catch (error) {
    await reservation.release();
    throw error;
  }
  // An empty cart looks nothing up; a good code costs nothing.
  if (!preview || !preview.discountError) await reservation.release();
  return { preview, discountError: preview?.discountError ?? null };
}
