// The money block of an order email, as rows that add up: each line shows its price × quantity (no discount or tax
// folded in), so the lines sum to the subtotal; the discount, shipping and tax follow on their own rows, so
// subtotal − discount + shipping (+ tax when it is added on top) is the total shown. Tax already inside the prices
// is stated, not added.

export type SummaryOrder = {
  lines: { unitPriceCents: number; quantity: number }[];
  subtotalCents: number;
  discountCents: number;
  discountCode: string | null;
  /** Promotions inside discountCents, each on its own row; the rest of discountCents is the code's. */
  promotions?: { title: string; amountCents: number }[];
  shippingCents: number;
  shippingMethod: string;
  taxCents: number;
  taxInclusive: boolean;
  totalCents: number;
};

export type SummaryRow = { kind: 'subtotal' | 'discount' | 'shipping' | 'tax' | 'tax_included' | 'total'; label: string; cents: number; sign: 1 | -1 | 0 };

export function lineAmountCents(line: { unitPriceCents: number; quantity: number }): number {
  return line.unitPriceCents * line.quantity;
}

export function summaryRows(order: SummaryOrder): SummaryRow[] {
  const rows: SummaryRow[] = [{ kind: 'subtotal', label: 'Subtotal', cents: order.subtotalCents, sign: 1 }];
  const promotions = (order.promotions ?? []).filter((promotion) => promotion.amountCents > 0);
  for (const promotion of promotions) rows.push({ kind: 'discount', label: promotion.title, cents: promotion.amountCents, sign: -1 });
  const codeCents = order.discountCents - promotions.reduce((sum, promotion) => sum + promotion.amountCents, 0);
  if (codeCents > 0) rows.push({ kind: 'discount', label: order.discountCode ? `Discount (${order.discountCode})` : 'Discount', cents: codeCents, sign: -1 });
  rows.push({ kind: 'shipping', label: `Shipping (${order.shippingMethod})`, cents: order.shippingCents, sign: 1 });
  if (order.taxInclusive) rows.push({ kind: 'tax_included', label: 'Including tax', cents: order.taxCents, sign: 0 });
  else rows.push({ kind: 'tax', label: 'Tax', cents: order.taxCents, sign: 1 });
  rows.push({ kind: 'total', label: 'Total', cents: order.totalCents, sign: 0 });
  return rows;
}

/** True when the rows shown add up (lines → subtotal, subtotal ± the rest → total); checked before sending. */
export function summaryAddsUp(order: SummaryOrder): boolean {
  const lines = order.lines.reduce((sum, line) => sum + lineAmountCents(line), 0);
  const rows = summaryRows(order);
  const computed = rows.filter((row) => row.kind !== 'total').reduce((sum, row) => sum + row.sign * row.cents, 0);
  return lines === order.subtotalCents && computed === order.totalCents;
}
