import { NextResponse } from 'next/server';
import { route } from '@/lib/auth/guards';
import { checkGiftCardBalance } from '@/lib/gift-cards/balance-check';
import { giftCardBalanceQuerySchema } from '@/lib/gift-cards/schemas';

// POST /api/store/v1/gift-cards/balance — what is left on a gift card, by its code. A POST so the code (worth money)
// stays out of URLs and access logs. Wrong codes spend the address's gift card guessing budget (failures only, shared
// with the web's balance page and checkout field); unknown and impossible codes are the same 404.
export const POST = route({ body: giftCardBalanceQuerySchema }, async ({ body, ip }) => {
  const balance = await checkGiftCardBalance(body.code, ip);
  return NextResponse.json({ data: balance }, { headers: { 'cache-control': 'no-store' } });
});
