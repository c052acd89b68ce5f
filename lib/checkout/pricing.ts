import { allocate, applyRatio } from '@/lib/money';

// Pure order arithmetic in integer minor units. Used for the checkout preview and, again, inside the placement
// transaction with prices read from the database there.

/** A gift card line (isGiftCard) is neither discounted nor taxed, and needs no shipping. */
export type PricingLine = { unitPriceCents: number; quantity: number; isGiftCard?: boolean };
export type PricingDiscount = { type: 'percentage' | 'fixed_amount' | 'free_shipping'; value: number } | null;
export type PricingShipping = { priceCents: number; freeAboveCents: number | null } | null;
export type PricingTax = { rateBasisPoints: number; appliesToShipping: boolean } | null;

export type Totals = {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  taxInclusive: boolean;
  lineDiscountCents: number[];
  lineTaxCents: number[];
};

/** What promotions (lib/promotions) took off each line, in line order, and whether they make shipping free. */
export type PricingPromotions = { lineDiscountCents: readonly number[]; freeShipping: boolean } | null;

export function computeTotals(input: {
  lines: PricingLine[];
  /** Applied first; the discount code then applies to what the lines still cost. */
  promotions?: PricingPromotions;
  discount: PricingDiscount;
  shipping: PricingShipping;
  tax: PricingTax;
  taxInclusive: boolean;
}): Totals {
  const lineSubtotals = input.lines.map((line) => line.unitPriceCents * line.quantity);
  const subtotalCents = lineSubtotals.reduce((a, b) => a + b, 0);
  // Gift cards are money, not goods: the discount, the tax and shipping see only the other lines.
  const promotionLines = input.lines.map((line, i) => (line.isGiftCard ? 0 : Math.min(input.promotions?.lineDiscountCents[i] ?? 0, lineSubtotals[i]!)));
  const promotionCents = promotionLines.reduce((a, b) => a + b, 0);
  const grossGoodsCents = input.lines.reduce((sum, line, i) => sum + (line.isGiftCard ? 0 : lineSubtotals[i]!), 0);
  // What the goods cost after promotions: the code's discount, tax and the free-shipping threshold see this.
  const goodsSubtotals = input.lines.map((line, i) => (line.isGiftCard ? 0 : lineSubtotals[i]! - promotionLines[i]!));
  const goodsSubtotalCents = goodsSubtotals.reduce((a, b) => a + b, 0);
  const hasGoods = input.lines.some((line) => !line.isGiftCard);

  let codeCents = 0;
  if (input.discount?.type === 'percentage') codeCents = applyRatio(goodsSubtotalCents, input.discount.value, 100);
  else if (input.discount?.type === 'fixed_amount') codeCents = Math.min(input.discount.value, goodsSubtotalCents);
  const discountCents = promotionCents + codeCents;
  const discountedSubtotal = goodsSubtotalCents - codeCents;

  let shippingCents = hasGoods ? (input.shipping?.priceCents ?? 0) : 0;
  if (input.discount?.type === 'free_shipping' || input.promotions?.freeShipping) shippingCents = 0;
  // The free-shipping threshold is measured on the discounted subtotal, as the rate's column documents.
  if (input.shipping?.freeAboveCents !== null && input.shipping?.freeAboveCents !== undefined && discountedSubtotal >= input.shipping.freeAboveCents) {
    shippingCents = 0;
  }

  const lineCodeCents = allocate(codeCents, goodsSubtotals);
  const lineDiscountCents = lineCodeCents.map((amount, i) => amount + promotionLines[i]!);
  const lineNet = goodsSubtotals.map((amount, i) => amount - lineCodeCents[i]!);
  let taxCents = 0;
  let lineTaxCents = lineNet.map(() => 0);
  if (input.tax && input.tax.rateBasisPoints > 0) {
    const bp = input.tax.rateBasisPoints;
    const base = discountedSubtotal + (input.tax.appliesToShipping ? shippingCents : 0);
    // Inclusive prices already contain the tax: extract it (base × r / (1 + r)); exclusive prices get it added.
    taxCents = input.taxInclusive ? applyRatio(base, bp, 10_000 + bp) : applyRatio(base, bp, 10_000);
    const goodsTax = input.taxInclusive ? applyRatio(discountedSubtotal, bp, 10_000 + bp) : applyRatio(discountedSubtotal, bp, 10_000);
    lineTaxCents = allocate(Math.min(goodsTax, taxCents), lineNet);
  }
  const giftCardsCents = subtotalCents - grossGoodsCents;
  const totalCents = giftCardsCents + discountedSubtotal + shippingCents + (input.taxInclusive ? 0 : taxCents);
  return { subtotalCents, discountCents, shippingCents, taxCents, totalCents, taxInclusive: input.taxInclusive, lineDiscountCents, lineTaxCents };
}
