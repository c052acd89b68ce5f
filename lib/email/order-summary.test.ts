import { describe, expect, it } from 'vitest';
import { computeTotals } from '@/lib/checkout/pricing';
import { lineAmountCents, summaryAddsUp, summaryRows } from './order-summary';

describe('order email summary', () => {
  const lines = [
    { unitPriceCents: 1999, quantity: 3 },
    { unitPriceCents: 4550, quantity: 1 },
    { unitPriceCents: 1, quantity: 7 },
  ];

  it.each([
    ['exclusive tax, percentage discount', { type: 'percentage' as const, value: 15 }, false],
    ['inclusive tax, fixed discount', { type: 'fixed_amount' as const, value: 1234 }, true],
    ['no discount, exclusive tax', null, false],
    ['free shipping, inclusive tax', { type: 'free_shipping' as const, value: 0 }, true],
  ])('adds up with %s, whatever the allocation of discount and tax to lines', (_name, discount, taxInclusive) => {
    const totals = computeTotals({ lines, discount, shipping: { priceCents: 595, freeAboveCents: null }, tax: { rateBasisPoints: 825, appliesToShipping: true }, taxInclusive });
    const order = { ...totals, lines, discountCode: discount ? 'SAVE' : null, shippingMethod: 'Standard' };
    expect(summaryAddsUp(order)).toBe(true);
    // The lines shown are price × quantity, never the allocated line totals.
    expect(lines.map(lineAmountCents)).toEqual([5997, 4550, 7]);
    const rows = summaryRows(order);
    expect(rows.at(-1)).toMatchObject({ kind: 'total', cents: totals.totalCents });
    expect(rows.some((row) => row.kind === (taxInclusive ? 'tax_included' : 'tax'))).toBe(true);
    expect(rows.some((row) => row.kind === 'discount')).toBe(Boolean(discount && totals.discountCents > 0));
  });

  it('notices totals that do not add up', () => {
    expect(summaryAddsUp({ lines, subtotalCents: 10554, discountCents: 0, discountCode: null, shippingCents: 0, shippingMethod: 'x', taxCents: 0, taxInclusive: false, totalCents: 10555 })).toBe(false);
  });
});

describe('promotions in the money block', () => {
  it('shows each promotion on its own row and the code the rest, still adding up', () => {
    const order = {
      lines: [{ unitPriceCents: 800, quantity: 3 }, { unitPriceCents: 7000, quantity: 2 }],
      subtotalCents: 16_400,
      discountCents: 2360 + 500,
      discountCode: 'SAVE5',
      promotions: [{ title: 'Buy 2 socks get 1 free', amountCents: 800 }, { title: 'Spend more, save more', amountCents: 1560 }],
      shippingCents: 0,
      shippingMethod: 'Standard',
      taxCents: 0,
      taxInclusive: false,
      totalCents: 16_400 - 2860,
    };
    expect(summaryRows(order).filter((row) => row.kind === 'discount').map((row) => [row.label, row.cents])).toEqual([
      ['Buy 2 socks get 1 free', 800],
      ['Spend more, save more', 1560],
      ['Discount (SAVE5)', 500],
    ]);
    expect(summaryAddsUp(order)).toBe(true);
  });
});
