// The shopper's market cookie: its name, its value's shape, and how a browser reads and writes it. Shared by the
// front door (which keys cached pages by it), the server (lib/markets/context.ts) and client components, so it holds
// nothing server-only.

export const MARKET_COOKIE = 'sf_market';
export const MARKET_COOKIE_VALUE = /^[a-z0-9][a-z0-9-]{0,31}$/;
export const MARKET_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

/** In the browser: the market this shopper chose, or null when they never chose one. */
export function readMarketCookie(): string | null {
  for (const part of document.cookie.split('; ')) {
    if (!part.startsWith(`${MARKET_COOKIE}=`)) continue;
    const value = part.slice(MARKET_COOKIE.length + 1);
    return MARKET_COOKIE_VALUE.test(value) ? value : null;
  }
  return null;
}

/** In the browser: remember a market, as the server does (not httpOnly: it holds no secret). */
export function writeMarketCookie(code: string): void {
  if (!MARKET_COOKIE_VALUE.test(code)) return;
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `${MARKET_COOKIE}=${code}; path=/; max-age=${MARKET_COOKIE_MAX_AGE_S}; samesite=lax${secure}`;
}
