import { describe, expect, it } from 'vitest';
import type { VariantView } from './types';
import { resolveVariantSelection, selectionFromParams, selectionParams } from './variant-matrix';

const variant = (id: string, size: string, colour: string, stock: number): VariantView => ({
  id,
  sku: id,
  title: `${size} / ${colour}`,
  options: { Size: size, Colour: colour },
  priceCents: 2000,
  compareAtPriceCents: null,
  currency: 'USD',
  inStock: stock > 0,
  maxQuantity: Math.min(stock, 10),
});

// S/Black in stock, M/Black sold out, L/White in stock; S/White, M/White and L/Black don't exist.
const product = {
  options: [
    { name: 'Size', values: ['S', 'M', 'L'] },
    { name: 'Colour', values: ['Black', 'White'] },
  ],
  variants: [variant('s-black', 'S', 'Black', 4), variant('m-black', 'M', 'Black', 0), variant('l-white', 'L', 'White', 2)],
};

const states = (result: ReturnType<typeof resolveVariantSelection>, name: string) =>
  Object.fromEntries(result.options.find((o) => o.name === name)!.values.map((v) => [v.value, v.state]));

describe('resolveVariantSelection', () => {
  it('starts on the first in-stock variant', () => {
    const result = resolveVariantSelection(product, {});
    expect(result.variant?.id).toBe('s-black');
    expect(result.selection).toEqual({ Size: 'S', Colour: 'Black' });
  });

  it('marks sold-out and non-existent combinations for the current selection', () => {
    const result = resolveVariantSelection(product, { Size: 'S', Colour: 'Black' });
    expect(states(result, 'Size')).toEqual({ S: 'available', M: 'sold_out', L: 'unavailable' });
    expect(states(result, 'Colour')).toEqual({ Black: 'available', White: 'unavailable' });
  });

  it('selects a sold-out variant when asked, so the page can say it cannot be added', () => {
    const result = resolveVariantSelection(product, { Size: 'M', Colour: 'Black' });
    expect(result.variant?.id).toBe('m-black');
    expect(result.variant?.inStock).toBe(false);
  });

  it('finds no variant for a combination that does not exist', () => {
    const result = resolveVariantSelection(product, { Size: 'L', Colour: 'Black' });
    expect(result.variant).toBeNull();
  });

  it('completes a partial selection from an agreeing in-stock variant', () => {
    expect(resolveVariantSelection(product, { Colour: 'White' }).variant?.id).toBe('l-white');
  });
});

describe('selection URLs', () => {
  it('reads known option values only and writes lower-case keys', () => {
    expect(selectionFromParams(product, { size: 'M', colour: 'Purple', other: 'x' })).toEqual({ Size: 'M' });
    expect(selectionParams({ Size: 'S', Colour: 'Black' }, { name: 'Size', value: 'L' })).toBe('size=L&colour=Black');
  });
});
