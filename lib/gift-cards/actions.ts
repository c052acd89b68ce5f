'use server';

import { publicAction } from '@/lib/auth/guards';
import { checkGiftCardBalance } from './balance-check';
import { giftCardBalanceQuerySchema } from './schemas';

// The shoppers' gift card action; staff's are in lib/admin/gift-cards/actions.ts.

/** The shoppers' balance check page (guesses are counted: lib/gift-cards/balance-check.ts). */
export const checkGiftCardBalanceAction = publicAction(giftCardBalanceQuerySchema, async (input, ctx) => checkGiftCardBalance(input.code, ctx.ip));
