import type { StaffOrderDetail } from './types';

// How an order's total adds up, line by line, for the admin's order page. Checkout (lib/checkout/pricing.ts) spreads
// the order's discount over the lines by their value and the goods' tax over the discounted lines; the tax on
// shipping (when the store taxes shipping) is the rest of the tax. Each line's stored total is what it was charged:
// its price × quantity, less its share of the discount, plus its share of the tax when tax is added on top.

export type ExplainedLine = {
  id: string;
  /** Unit price × quantity: these add up to the order's subtotal. */
  grossCents: number;
  discountCents: number;
  taxCents: number;
  /** What the line was charged (gross − discount, + tax when added on top). */
  chargedCents: number;
};

export type ExplainedAmounts = {
  lines: ExplainedLine[];
  /** Tax on shipping: the order's tax less the lines' shares. */
  shippingTaxCents: number;
  /** subtotal − discount + shipping (+ tax when added on top) — equals the stored total for a consistent order. */
  computedTotalCents: number;
};

type Amounts = Pick<StaffOrderDetail, 'subtotalCents' | 'discountCents' | 'shippingCents' | 'taxCents' | 'taxInclusive'> & {
  lines: Pick<StaffOrderDetail['lines'][number], 'id' | 'unitPriceCents' | 'quantity' | 'discountCents' | 'taxCents' | 'totalCents'>[];
};

export function explainOrderAmounts(order: Amounts): ExplainedAmounts {
  const lines = order.lines.map((line) => ({
    id: line.id,
    grossCents: line.unitPriceCents * line.quantity,
    discountCents: line.discountCents,
    taxCents: line.taxCents,
    chargedCents: line.totalCents,
  }));
  const lineTax = lines.reduce((sum, line) => sum + line.taxCents, 0);
  return {
    lines,
    shippingTaxCents: Math.max(0, order.taxCents - lineTax),
    computedTotalCents: order.subtotalCents - order.discountCents + order.shippingCents + (order.taxInclusive ? 0 : order.taxCents),
  };
}
