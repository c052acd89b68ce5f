import { slugify } from '@/lib/catalog/slug';
import { combinationKey, variantTitle } from './matrix';

// SKU patterns: "{PRODUCT}-{SIZE}-{COLOUR}" fills a variant's empty SKU from the product's code and its option
// values. Pure, shared by the product editor (which fills the fields) and the product schema (which checks the
// pattern a merchant saves).

export const SKU_PATTERN_MAX = 64;
const TOKEN = /\{([^{}]*)\}/g;

/** What a token's text becomes in a SKU: "Navy Blue" → "NAVY-BLUE". */
function skuPart(text: string): string {
  return slugify(text).toUpperCase();
}

/** The product's code, {PRODUCT}: its address (or title) upper-cased, at most 24 characters. */
export function productCode(slugOrTitle: string): string {
  return skuPart(slugOrTitle).slice(0, 24).replace(/-+$/g, '') || 'SKU';
}

/** The pattern used when the product has none: the product's code, then every option in order. */
export function defaultSkuPattern(optionNames: readonly string[]): string {
  return ['{PRODUCT}', ...optionNames.map((name) => `{${name.trim().toUpperCase()}}`)].join('-');
}

/** Why a pattern cannot be used (unknown token, characters a SKU cannot hold), or null when it is fine. */
export function skuPatternProblem(pattern: string, optionNames: readonly string[]): string | null {
  const known = new Set(['PRODUCT', ...optionNames.map((name) => name.trim().toUpperCase())]);
  for (const [, token] of pattern.matchAll(TOKEN)) {
    if (!known.has(token!.trim().toUpperCase())) {
      const names = [...known].map((name) => `{${name}}`).join(', ');
      return `{${token}} is not a field of this product: use ${names}.`;
    }
  }
  const literal = pattern.replace(TOKEN, 'X');
  if (/[{}]/.test(literal)) return 'Close every { with a }.';
  if (!/^[A-Za-z0-9._-]*$/.test(literal)) return 'Besides {fields}, use letters, digits, dots, dashes and underscores only.';
  return null;
}

/** The SKU a pattern gives one variant: tokens replaced, repeated or dangling separators removed, at most 64 characters. */
export function skuFromPattern(pattern: string, product: string, options: readonly { name: string; value: string }[]): string {
  const values = new Map(options.map((option) => [option.name.trim().toUpperCase(), option.value]));
  const filled = pattern.replace(TOKEN, (_, token: string) => {
    const name = token.trim().toUpperCase();
    return name === 'PRODUCT' ? productCode(product) : skuPart(values.get(name) ?? '');
  });
  return filled
    .toUpperCase()
    .replace(/([-_.])[-_.]+/g, '$1')
    .replace(/^[-_.]+|[-_.]+$/g, '')
    .slice(0, SKU_PATTERN_MAX)
    .replace(/[-_.]+$/g, '');
}

export type SkuFill = { ok: true; skus: Map<string, string> } | { ok: false; message: string };

/**
 * SKUs for the combinations whose SKU is empty (`current` maps combinationKey → SKU as typed; typed SKUs are kept).
 * Refused, with the reason, when the pattern would give two variants the same SKU or repeat one already typed.
 */
export function fillSkus(input: {
  pattern: string;
  product: string;
  optionNames: readonly string[];
  combinations: readonly (readonly string[])[];
  current: ReadonlyMap<string, string>;
}): SkuFill {
  const pattern = input.pattern.trim() || defaultSkuPattern(input.optionNames);
  const problem = skuPatternProblem(pattern, input.optionNames);
  if (problem) return { ok: false, message: problem };
  const owners = new Map<string, string>();
  for (const values of input.combinations) {
    const typed = input.current.get(combinationKey(values))?.trim().toUpperCase();
    if (typed) owners.set(typed, variantTitle(values));
  }
  const skus = new Map<string, string>();
  for (const values of input.combinations) {
    const key = combinationKey(values);
    if (input.current.get(key)?.trim()) continue;
    const sku = skuFromPattern(pattern, input.product, input.optionNames.map((name, i) => ({ name, value: values[i] ?? '' })));
    if (!sku) return { ok: false, message: 'The pattern gives an empty SKU: include {PRODUCT} or an option.' };
    const owner = owners.get(sku);
    if (owner) {
      return { ok: false, message: `The pattern gives SKU ${sku} to both ${owner} and ${variantTitle(values)}: include every option, e.g. ${defaultSkuPattern(input.optionNames)}.` };
    }
    owners.set(sku, variantTitle(values));
    skus.set(key, sku);
  }
  return { ok: true, skus };
}
