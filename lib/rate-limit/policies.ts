// Every rate limit in the store, in one table. Each entry says what it counts, what its key is and why, and what
// happens when the shared store (Redis / Upstash) is down or slower than the limiter's 150 ms deadline:
//   failMode 'local' → counted in this process instead (per instance, so N instances allow up to N× — still a limit);
//   failMode 'open'  → allowed: shopping must not stop because the limiter's store is away.
// Sign-in, registration, password reset and order lookup guard secrets or inboxes: 'local'. Browsing, carts and
// checkout earn money and are protected by stock rules and prices from the database: 'open'.
// Subjects are hashed before they become keys (lib/rate-limit/index.ts), so emails never sit in Redis.

export type RateLimitFailMode = 'open' | 'local';

export type RateLimitPolicy = {
  /** Stable name: part of the key and the `policy` label of storefront_rate_limit_rejections_total. */
  name: string;
  limit: number;
  windowS: number;
  failMode: RateLimitFailMode;
};

export const RATE_LIMITS = {
  // Failures only (a correct sign-in costs nothing). Keyed by account *and* address: a stranger guessing one
  // account is stopped after 5, but cannot lock the real owner out from the owner's own address.
  signInFailuresPerAccountIp: { name: 'sign-in-fail-account-ip', limit: 5, windowS: 15 * 60, failMode: 'local' },
  // The same failures per address across all accounts: stops one client spraying passwords over many accounts.
  signInFailuresPerIp: { name: 'sign-in-fail-ip', limit: 50, windowS: 15 * 60, failMode: 'local' },
  // Codes typed into the two-factor settings (confirm setup, new recovery codes, turn off) by a signed-in user:
  // failures only, per user, so a stolen session cannot walk the 10^6 code space to switch two-factor off.
  twoFactorCodeFailuresPerUser: { name: 'two-factor-code-fail-user', limit: 10, windowS: 15 * 60, failMode: 'local' },
  // Every attempt counts (each one sends an email). Per address: there is no account yet to key on.
  registerPerIp: { name: 'register-ip', limit: 20, windowS: 60 * 60, failMode: 'local' },
  // Per email: one inbox cannot be flooded with reset mails from many addresses…
  resetPerEmail: { name: 'reset-email', limit: 5, windowS: 60 * 60, failMode: 'local' },
  // …and per address: one client cannot mail every customer.
  resetPerIp: { name: 'reset-ip', limit: 30, windowS: 60 * 60, failMode: 'local' },
  // Guest order lookup (number + email) is a guessing target: per address, every attempt.
  orderLookupPerIp: { name: 'order-lookup-ip', limit: 30, windowS: 15 * 60, failMode: 'local' },
  // Per cart when the request names one (shoppers behind one NAT do not share a budget), else per address — a
  // request without a cart is the one that mints a new cart, so minting carts is bounded per address.
  addToCartPerClient: { name: 'add-to-cart', limit: 120, windowS: 60, failMode: 'open' },
  // Order placement per address: bounds stock-reservation and email abuse; generous for shared addresses.
  checkoutPerIp: { name: 'checkout-ip', limit: 30, windowS: 10 * 60, failMode: 'open' },
  // Placement attempts that carry a discount code, per address: codes are short and guessable.
  discountCodePerIp: { name: 'discount-code-ip', limit: 20, windowS: 15 * 60, failMode: 'open' },
  // Wrong codes tried in the checkout's code field (its live summary would be a free guessing oracle otherwise):
  // failures only, per address, like sign-in — shoppers re-pricing with a valid code spend nothing.
  discountCodeFailuresPerIp: { name: 'discount-code-fail-ip', limit: 10, windowS: 15 * 60, failMode: 'open' },
  // Gift card codes tried (checkout summary, balance check page, Store API): failures only, per address — a code is
  // money, so a stranger walking the code space is stopped after a few wrong ones. 'local' like sign-in: the guard
  // must hold when the shared store is away.
  giftCardFailuresPerIp: { name: 'gift-card-fail-ip', limit: 10, windowS: 15 * 60, failMode: 'local' },
  // Placement attempts that carry gift card codes, per address (every attempt, like discountCodePerIp).
  giftCardPerIp: { name: 'gift-card-ip', limit: 20, windowS: 15 * 60, failMode: 'local' },
  // The checkout's live order summary, re-priced on the server as the shopper types (debounced, so a few calls a
  // minute per shopper): a ceiling for scripts replaying it as a free pricing oracle, per address.
  checkoutQuotePerIp: { name: 'checkout-quote-ip', limit: 120, windowS: 60, failMode: 'open' },
  // The whole Store API per client address (reads and writes): a scraping and abuse ceiling, not a shopping limit.
  // Per storefront and address when the request carries a publishable key.
  storeApiPerIp: { name: 'store-api-ip', limit: 1200, windowS: 60, failMode: 'open' },
  // Staff and admin writes per signed-in user: a stolen session or a runaway script cannot rewrite the store
  // faster than this. Applied centrally to staffAction/adminAction in lib/http/action.ts.
  adminWritesPerUser: { name: 'admin-writes-user', limit: 120, windowS: 60, failMode: 'local' },
  // The admin command palette's search (orders, products, customers as staff type), per signed-in user: typed live
  // (debounced), so generous, but a ceiling for a stolen session walking the customer list through it.
  adminSearchPerUser: { name: 'admin-search-user', limit: 240, windowS: 60, failMode: 'local' },
} as const satisfies Record<string, RateLimitPolicy>;

/** Who is asking, as both faces (server actions and route handlers) can tell. */
export type LimitClient = { ip: string; userId: string | null; header(name: string): string | null; cookie(name: string): string | null };

/**
 * An operation's limits ([policy, subject] pairs; a domain may look something up to choose the key), declared once by the domain that owns the operation
 * (lib/<domain>/limits.ts) and applied by both its server action and its Store API route.
 */
export type OperationLimits<I> = (input: I, client: LimitClient) => [RateLimitPolicy, string][] | Promise<[RateLimitPolicy, string][]>;

export type RateLimitName = keyof typeof RATE_LIMITS;

/**
 * The Store API's ceiling per client address, applied by route pattern (by route() and by the door for cached
 * reads), so a new Store API route is covered without remembering to opt in. An operation's own limits are declared
 * by its domain (lib/<domain>/limits.ts) and applied by both its action and its route.
 */
export function routeRateLimits({ pattern, ip, storefront = null }: { pattern: string; ip: string; storefront?: string | null }): [RateLimitPolicy, string][] {
  if (!pattern.startsWith('/api/store/')) return [];
  // A request with a publishable key is attributed to its storefront (lib/http/publishable-key.ts).
  return [[RATE_LIMITS.storeApiPerIp, storefront ? `storefront:${storefront}|${ip}` : ip]];
}
