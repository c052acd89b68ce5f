import 'server-only';
import { AppError } from '@/lib/errors';
import { RATE_LIMITS, withAttemptBudget } from '@/lib/rate-limit';
import { getGiftCardBalance } from './queries';
import type { GiftCardBalanceView } from './types';

/**
 * A shopper's balance check, for the page and the Store API alike. A code is worth money, so wrong ones spend the
 * address's guessing budget (failures only, shared with the checkout's gift card field); a right one costs nothing.
 * Unknown and impossible codes read the same.
 */
export async function checkGiftCardBalance(code: string, ip: string): Promise<GiftCardBalanceView> {
  const balance = await withAttemptBudget([[RATE_LIMITS.giftCardFailuresPerIp, ip]], () => getGiftCardBalance(code));
  if (!balance) throw new AppError('not_found', 'We could not find a gift card with that code.', { fieldErrors: { code: ['Check the code and try again.'] } });
  return balance;
}
