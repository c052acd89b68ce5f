import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

// Publishable Store API keys (like Medusa's x-publishable-api-key): public identifiers of a storefront, configured in
// STORE_API_PUBLISHABLE_KEYS, never secrets — they ship in a storefront's JavaScript. A request that sends one is
// attributed to that storefront: the Store API's per-client ceiling counts it under the storefront's name beside the
// client address (so one storefront's shoppers do not spend another's, nor a keyless scraper's at the same address),
// and the access log names it. Sending one is optional; sending one the store does not know is refused (401), so a
// typo in a storefront's configuration shows at once rather than as silently shared limits.

export const PUBLISHABLE_KEY_HEADER = 'x-publishable-key';

let byKey: ReadonlyMap<string, string> | undefined;

/** The storefront a publishable key names; null when none was sent. Throws 401 for a key that is not configured. */
export function storefrontOf(key: string | null | undefined): string | null {
  if (!key) return null;
  byKey ??= new Map(env.STORE_API_PUBLISHABLE_KEYS.map((entry) => [entry.key, entry.name]));
  const name = byKey.get(key);
  if (!name) throw new AppError('unauthenticated', 'Unknown publishable key (X-Publishable-Key).');
  return name;
}
