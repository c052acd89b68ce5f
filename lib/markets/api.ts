import 'server-only';
import { AppError } from '@/lib/errors';
import { getCachedMarkets } from './cache';
import { defaultMarket } from './queries';
import { MARKET_CODE, type MarketView } from './types';

// The Store API names a market with its `market` query parameter (never the storefront's cookie: its public reads are
// cached by URL, so the URL must say everything that changes the answer).

/** The market a Store API request names, the default without one; an unknown code is a 422, never a silent default. */
export async function marketFromQuery(params: URLSearchParams): Promise<MarketView> {
  const code = params.get('market');
  const all = await getCachedMarkets();
  if (code === null || code === '') return defaultMarket(all);
  const market = MARKET_CODE.test(code) ? all.find((candidate) => candidate.code === code) : undefined;
  if (!market) {
    throw new AppError('validation_failed', 'Unknown market.', { fieldErrors: { market: [`Use one of: ${all.map((m) => m.code).join(', ')}.`] } });
  }
  return market;
}

/** The market a request names, or undefined when it names none (the caller keeps what it has). */
export async function namedMarketFromQuery(params: URLSearchParams): Promise<MarketView | undefined> {
  return params.get('market') ? marketFromQuery(params) : undefined;
}
