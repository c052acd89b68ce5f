import { describe, expect, it } from 'vitest';
import { nestFields } from '@/lib/http/form-data';
import { optionCombinations, parseOptionValues, uniqueSlug, variantTitle } from './matrix';
import { productFormSchema } from './schemas';

describe('variant matrix', () => {
  it('makes every combination, first option slowest', () => {
    expect(optionCombinations([{ name: 'Size', values: ['S', 'M'] }, { name: 'Colour', values: ['Red', 'Blue', 'Green'] }])).toEqual([
      ['S', 'Red'], ['S', 'Blue'], ['S', 'Green'], ['M', 'Red'], ['M', 'Blue'], ['M', 'Green'],
    ]);
    expect(optionCombinations([])).toEqual([[]]);
    expect(variantTitle([])).toBe('Default');
    expect(variantTitle(['M', 'Black'])).toBe('M / Black');
  });

  it('reads comma-separated values, dropping blanks and repeats', () => {
    expect(parseOptionValues(' S, M ,, m, L  XL ')).toEqual(['S', 'M', 'L XL']);
  });
});

describe('slugs', () => {
  it('adds the first free number on a clash', () => {
    expect(uniqueSlug('tee', new Set())).toBe('tee');
    expect(uniqueSlug('tee', new Set(['tee', 'tee-2']))).toBe('tee-3');
  });
});

describe('product form', () => {
  it('nests dotted field names into arrays and objects', () => {
    expect(nestFields({ 'a.0.b': 'x', 'a.1.b': 'y', c: 'z', '__proto__.x': 'bad' })).toEqual({ a: [{ b: 'x' }, { b: 'y' }], c: 'z' });
  });

  it('parses the editor’s fields into a product with its matrix, and reports errors by input name', () => {
    const form = {
      title: 'Tee',
      status: 'active',
      'options.0.name': 'Size',
      'options.0.values': 'S, M',
      'variants.0.values': 'S',
      'variants.0.sku': 'tee-s',
      'variants.0.price': '10',
      'variants.0.stock': '3',
      'variants.0.active': 'on',
      'variants.1.values': 'M',
      'variants.1.sku': 'TEE-S',
      'variants.1.price': '12',
      'variants.1.stock': '-1',
    };
    const result = productFormSchema.safeParse(form);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['variants.1.stock', 'variants.1.sku']));

    const ok = productFormSchema.parse({ ...form, 'variants.1.sku': 'TEE-M', 'variants.1.stock': '0' });
    expect(ok.options).toEqual([{ name: 'Size', values: ['S', 'M'] }]);
    expect(ok.variants.map((v) => [v.sku, v.active, v.stock])).toEqual([['TEE-S', true, 3], ['TEE-M', false, 0]]);
    expect(ok.featured).toBe(false);
  });
});
