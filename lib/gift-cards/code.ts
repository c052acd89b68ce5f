import { createHmac, randomBytes } from 'node:crypto';

// Gift card codes: 16 characters of Crockford base32 from the CSPRNG (80 random bits — guessing one among even a
// million live cards takes ~10^18 tries, and guesses are rate limited besides), shown as four groups of four. The
// alphabet has no I, L, O or U, and reading them back maps I/L → 1 and O → 0, so a code read aloud or copied by hand
// still matches. Only an HMAC of the normalised code is stored (see hashGiftCardCode).

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const GIFT_CARD_CODE_LENGTH = 16;

/** A new code, formatted "XXXX-XXXX-XXXX-XXXX". 256 is a multiple of 32, so `byte & 31` is uniform. */
export function generateGiftCardCode(): string {
  const bytes = randomBytes(GIFT_CARD_CODE_LENGTH);
  let raw = '';
  for (const byte of bytes) raw += CROCKFORD[byte & 31];
  return formatGiftCardCode(raw);
}

export function formatGiftCardCode(normalised: string): string {
  return normalised.match(/.{1,4}/g)!.join('-');
}

/** The canonical form of what a shopper typed, or null when it cannot be a code (wrong length or characters). */
export function normaliseGiftCardCode(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (cleaned.length !== GIFT_CARD_CODE_LENGTH) return null;
  for (const char of cleaned) if (!CROCKFORD.includes(char)) return null;
  return cleaned;
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
