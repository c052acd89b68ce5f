import { describe, expect, it } from 'vitest';
import { combinationKey } from './matrix';
import { defaultSkuPattern, fillSkus, skuFromPattern, skuPatternProblem } from './sku-pattern';

describe('SKU patterns', () => {
  it('fills tokens from the product and option values, in the merchant’s order', () => {
    expect(skuFromPattern('{PRODUCT}-{SIZE}-{COLOUR}', 'linen-shirt', [{ name: 'Colour', value: 'Navy Blue' }, { name: 'Size', value: 'XL' }])).toBe('LINEN-SHIRT-XL-NAVY-BLUE');
    expect(skuFromPattern('TEE_{colour}.{size}', 'x', [{ name: 'Colour', value: 'Red' }, { name: 'Size', value: 'S' }])).toBe('TEE_RED.S');
  });

  it('defaults to the product code and every option', () => {
    expect(defaultSkuPattern(['Size', 'Colour'])).toBe('{PRODUCT}-{SIZE}-{COLOUR}');
    expect(skuFromPattern(defaultSkuPattern([]), 'Mug', [])).toBe('MUG');
  });

  it('names an unknown token and characters a SKU cannot hold', () => {
    expect(skuPatternProblem('{PRODUCT}-{SIZ}', ['Size'])).toBe('{SIZ} is not a field of this product: use {PRODUCT}, {SIZE}.');
    expect(skuPatternProblem('{PRODUCT} {SIZE}', ['Size'])).toMatch(/letters, digits/);
    expect(skuPatternProblem('{PRODUCT', [])).toBe('Close every { with a }.');
    expect(skuPatternProblem('{product}-{size}', ['Size'])).toBeNull();
  });

  it('keeps typed SKUs and fills only the empty ones', () => {
    const combinations = [['S'], ['M']];
    const result = fillSkus({ pattern: '{PRODUCT}-{SIZE}', product: 'tee', optionNames: ['Size'], combinations, current: new Map([[combinationKey(['S']), 'MY-OWN']]) });
    expect(result).toEqual({ ok: true, skus: new Map([[combinationKey(['M']), 'TEE-M']]) });
  });

  it('refuses a pattern that gives two variants one SKU, saying which', () => {
    const result = fillSkus({ pattern: '{PRODUCT}-{SIZE}', product: 'tee', optionNames: ['Size', 'Colour'], combinations: [['S', 'Red'], ['S', 'Blue']], current: new Map() });
    expect(result).toEqual({ ok: false, message: 'The pattern gives SKU TEE-S to both S / Red and S / Blue: include every option, e.g. {PRODUCT}-{SIZE}-{COLOUR}.' });
  });

  it('refuses a SKU already typed on another variant', () => {
    const result = fillSkus({ pattern: '', product: 'tee', optionNames: ['Size'], combinations: [['S'], ['M']], current: new Map([[combinationKey(['S']), 'tee-m']]) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('TEE-M to both S and M');
  });
});
