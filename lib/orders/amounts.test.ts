import { describe, expect, it } from 'vitest';
import { computeTotals } from '@/lib/checkout/pricing';
import { explainOrderAmounts } from './amounts';

describe('explained order amounts', () => {
  it('shows per line what checkout charged, and the lines, shipping and tax add up to the total', () => {
    const lines = [
      { unitPriceCents: 2122, quantity: 2 },
      { unitPriceCents: 999, quantity: 1 },
    ];
    const totals = computeTotals({
      lines,
      discount: { type: 'percentage', value: 10 },
      shipping: { priceCents: 500, freeAboveCents: null },
      tax: { rateBasisPoints: 2000, appliesToShipping: true },
      taxInclusive: false,
    });
    const order = {
      ...totals,
      lines: lines.map((line, i) => ({
        id: `l${i}`,
        ...line,
        discountCents: totals.lineDiscountCents[i]!,
        taxCents: totals.lineTaxCents[i]!,
        totalCents: line.unitPriceCents * line.quantity - totals.lineDiscountCents[i]! + totals.lineTaxCents[i]!,
      })),
    };
    const explained = explainOrderAmounts(order);
    expect(explained.lines.map((l) => l.grossCents)).toEqual([4244, 999]);
    expect(explained.lines.reduce((s, l) => s + l.grossCents, 0)).toBe(order.subtotalCents);
    expect(explained.lines.reduce((s, l) => s + l.discountCents, 0)).toBe(order.discountCents);
    expect(explained.shippingTaxCents).toBe(100);
    expect(explained.computedTotalCents).toBe(order.totalCents);
    // The charged lines plus shipping and its tax make the total.
    expect(explained.lines.reduce((s, l) => s + l.chargedCents, 0) + order.shippingCents + explained.shippingTaxCents).toBe(order.totalCents);
  });
});
