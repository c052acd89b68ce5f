// Slugs: the one rule for product and category addresses, for the admin (and its browser-side preview) and the seed.

/** Lower-case, ASCII, hyphen-separated, at most 80 characters: "Linen Shirt – Blue & White" → "linen-shirt-blue-and-white". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // "20°F" reads as one word: "20f", not "20-f".
    .replace(/°/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
