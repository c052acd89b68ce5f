import 'server-only';
import { cookies } from 'next/headers';
import { env } from '@/lib/env';
import { getCachedMarkets } from './cache';
import { marketByCode } from './queries';
import { MARKET_CODE, type MarketView } from './types';

// The shopper's market: the one their market cookie names, else the default. Never chosen from the client's IP:
// a visitor abroad still sees the default until they pick a market (the selector suggests one from their
// languages). The page cache keys pages by this same cookie (lib/http/market-cookie.ts).

export { MARKET_COOKIE } from '@/lib/http/market-cookie';
import { MARKET_COOKIE, MARKET_COOKIE_MAX_AGE_S } from '@/lib/http/market-cookie';

export function marketCookieOptions() {
  // Not httpOnly: the selector's suggestion reads whether a market was ever chosen. It holds no secret.
  return { httpOnly: false, sameSite: 'lax' as const, secure: env.SITE_URL.startsWith('https:'), path: '/', maxAge: MARKET_COOKIE_MAX_AGE_S };
}

export async function readMarketCode(): Promise<string | null> {
  const value = (await cookies()).get(MARKET_COOKIE)?.value;
  return value && MARKET_CODE.test(value) ? value : null;
}

/** The market this request is priced in. */
export async function getShopperMarket(): Promise<MarketView> {
  const [all, code] = await Promise.all([getCachedMarkets(), readMarketCode()]);
  return marketByCode(all, code);
}

export async function writeMarketCode(code: string): Promise<void> {
  (await cookies()).set(MARKET_COOKIE, code, marketCookieOptions());
}
