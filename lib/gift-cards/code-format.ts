// The shape of a gift card code, without any crypto: safe for the browser (the checkout's field reads codes back in
// the same canonical form the server does).

export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const GIFT_CARD_CODE_LENGTH = 16;

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
