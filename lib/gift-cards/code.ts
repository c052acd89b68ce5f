import { createHmac, randomBytes } from 'node:crypto';
import { CROCKFORD, formatGiftCardCode, GIFT_CARD_CODE_LENGTH } from './code-format';

export { formatGiftCardCode, GIFT_CARD_CODE_LENGTH, normaliseGiftCardCode } from './code-format';

// Gift card codes: 16 characters of Crockford base32 from the CSPRNG (80 random bits — guessing one among even a
// million live cards takes ~10^18 tries, and guesses are rate limited besides), shown as four groups of four. The
// alphabet has no I, L, O or U, and reading them back maps I/L → 1 and O → 0, so a code read aloud or copied by hand
// still matches. Only an HMAC of the normalised code is stored (see hashGiftCardCode).


/** A new code, formatted "XXXX-XXXX-XXXX-XXXX". 256 is a multiple of 32, so `byte & 31` is uniform. */
export function generateGiftCardCode(): string {
  const bytes = randomBytes(GIFT_CARD_CODE_LENGTH);
  let raw = '';
  for (const byte of bytes) raw += CROCKFORD[byte & 31];
  return formatGiftCardCode(raw);
}

/**
 * HMAC-SHA256 under a server key (derived from AUTH_SECRET by the caller): a leaked table gives nothing to brute
 * force offline without the key. Deterministic, so a typed code is found by an index lookup on its hash.
 */
export function hashGiftCardCode(normalised: string, key: Buffer | string): string {
  return createHmac('sha256', key).update(`gift-card:${normalised}`).digest('base64url');
}

export function lastFourOf(normalised: string): string {
  return normalised.slice(-4);
}
