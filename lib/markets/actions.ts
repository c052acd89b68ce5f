'use server';

import { refresh } from 'next/cache';
import { publicAction } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { currentCartRef } from '@/lib/cart/session';
import { moveCartToMarket } from '@/lib/cart/service';
import { getCachedMarkets } from './cache';
import { writeMarketCode } from './context';
import { chooseMarketSchema } from './schemas';

// The storefront's country/currency selector. The choice is remembered in a cookie (the page cache keys pages by
// it); the shopper's cart, if any, moves to the market with it, so the cart and the catalogue show one currency.

export const chooseMarketAction = publicAction(
  chooseMarketSchema,
  async (input) => {
    const market = (await getCachedMarkets()).find((candidate) => candidate.code === input.market);
    if (!market) throw new AppError('validation_failed', 'Choose a market.', { fieldErrors: { market: ['Choose a market.'] } });
    await writeMarketCode(market.code);
    const moved = await moveCartToMarket(await currentCartRef(), market);
    refresh();
    return { market: market.code, name: market.name, currency: market.currency, cartMoved: moved !== null, locale: market.defaultLocale };
  },
  {
    successMessage: ({ name, currency, cartMoved }) => `Now shopping in ${name} (${currency})${cartMoved ? ': your cart was re-priced' : ''}.`,
  },
);
