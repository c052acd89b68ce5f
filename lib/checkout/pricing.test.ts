import { describe, expect, it } from 'vitest';
import { addressSchema } from './address';
import { computeTotals } from './pricing';

const lines = [
  { unitPriceCents: 2999, quantity: 2 },
  { unitPriceCents: 1001, quantity: 1 },
];

describe('computeTotals', () => {
  it('adds exclusive tax on goods and shipping, and charges shipping under the threshold', () => {
    const totals = computeTotals({
      lines,
      discount: null,
      shipping: { priceCents: 599, freeAboveCents: 7500 },
      tax: { rateBasisPoints: 400, appliesToShipping: true },
      taxInclusive: false,
    });
    expect(totals.subtotalCents).toBe(6999);
    expect(totals.shippingCents).toBe(599);
    expect(totals.taxCents).toBe(304); // 4 % of 7598 = 303.92
    expect(totals.totalCents).toBe(6999 + 599 + 304);
    expect(totals.lineTaxCents.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(totals.taxCents);
  });

  it('applies a percentage discount before the free-shipping threshold, spread across lines exactly', () => {
    const totals = computeTotals({
      lines: [{ unitPriceCents: 4000, quantity: 2 }],
      discount: { type: 'percentage', value: 10 },
      shipping: { priceCents: 599, freeAboveCents: 7500 },
      tax: null,
      taxInclusive: false,
    });
    expect(totals.discountCents).toBe(800);
    expect(totals.shippingCents).toBe(599); // 7200 < 7500 after the discount
    expect(totals.totalCents).toBe(8000 - 800 + 599);
    expect(totals.lineDiscountCents).toEqual([800]);
  });

  it('never discounts below zero and extracts inclusive tax without adding it', () => {
    const fixed = computeTotals({
      lines: [{ unitPriceCents: 300, quantity: 1 }],
      discount: { type: 'fixed_amount', value: 500 },
      shipping: { priceCents: 1000, freeAboveCents: null },
      tax: { rateBasisPoints: 2000, appliesToShipping: true },
      taxInclusive: true,
    });
    expect(fixed.discountCents).toBe(300);
    expect(fixed.totalCents).toBe(1000);
    expect(fixed.taxCents).toBe(167); // 1000 × 20/120 = 166.67
  });

  it('makes shipping free at the threshold and for free-shipping codes', () => {
    const atThreshold = computeTotals({ lines: [{ unitPriceCents: 7500, quantity: 1 }], discount: null, shipping: { priceCents: 599, freeAboveCents: 7500 }, tax: null, taxInclusive: false });
    expect(atThreshold.shippingCents).toBe(0);
    const code = computeTotals({ lines, discount: { type: 'free_shipping', value: 0 }, shipping: { priceCents: 1499, freeAboveCents: null }, tax: null, taxInclusive: false });
    expect(code.shippingCents).toBe(0);
  });
});

describe('addressSchema', () => {
  const base = { name: 'A', line1: '1 Main St', city: 'Town', countryCode: 'us', region: 'ca', postalCode: '94105' };
  it('accepts valid postal codes per country and normalises case', () => {
    expect(addressSchema.parse(base)).toMatchObject({ countryCode: 'US', region: 'CA' });
    expect(addressSchema.safeParse({ ...base, countryCode: 'GB', region: '', postalCode: 'sw1a 1aa' }).success).toBe(true);
    expect(addressSchema.safeParse({ ...base, countryCode: 'CA', region: 'ON', postalCode: 'K1A 0B1' }).success).toBe(true);
    expect(addressSchema.safeParse({ ...base, countryCode: 'NL', region: '', postalCode: '1012 AB' }).success).toBe(true);
  });
  it('refuses malformed postal codes and a missing US state', () => {
    expect(addressSchema.safeParse({ ...base, postalCode: '9410' }).success).toBe(false);
    expect(addressSchema.safeParse({ ...base, countryCode: 'DE', postalCode: 'ABCDE' }).success).toBe(false);
    expect(addressSchema.safeParse({ ...base, region: '' }).success).toBe(false);
  });
});

describe('computeTotals with promotions', () => {
  it('applies promotions first, then the code to what the goods still cost; shares add up per line', () => {
    const totals = computeTotals({
      lines: [{ unitPriceCents: 800, quantity: 3 }, { unitPriceCents: 7000, quantity: 2 }, { unitPriceCents: 5000, quantity: 1, isGiftCard: true }],
      promotions: { lineDiscountCents: [960, 1400, 500], freeShipping: false },
      discount: { type: 'percentage', value: 10 },
      shipping: { priceCents: 599, freeAboveCents: null },
      tax: null,
      taxInclusive: false,
    });
    // Goods 16 400 − promotions 2 360 (the gift card's 500 is ignored) = 14 040; the code takes 10 % of that.
    expect(totals.discountCents).toBe(2360 + 1404);
    expect(totals.lineDiscountCents.reduce((a, b) => a + b, 0)).toBe(totals.discountCents);
    expect(totals.lineDiscountCents[2]).toBe(0);
    expect(totals.totalCents).toBe(5000 + 16_400 - 3764 + 599);
  });

  it('a free-shipping promotion makes shipping free', () => {
    const totals = computeTotals({ lines: [{ unitPriceCents: 1000, quantity: 1 }], promotions: { lineDiscountCents: [0], freeShipping: true }, discount: null, shipping: { priceCents: 599, freeAboveCents: null }, tax: null, taxInclusive: false });
    expect(totals.shippingCents).toBe(0);
    expect(totals.totalCents).toBe(1000);
  });
});
