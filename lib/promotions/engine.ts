import { allocate, applyRatio } from '@/lib/money';

// The promotion engine: pure and deterministic. Given the cart's lines, the shopper, the time and the promotions
// that exist, it answers which promotions apply, what each takes off each line (integer minor units of the cart's
// currency, split by largest remainder so the parts add up exactly), whether shipping is free, and what the shopper
// could still unlock. Placement runs it again inside its transaction on prices read there, so what the cart shows is
// what the order records.
//
// Rules, in the order the engine applies them:
// - A promotion is considered when it is active, inside its dates, its code (if it has one) was entered, the shopper
//   is eligible, and the lines in its scope reach its minimum subtotal and quantity. Minimums and tiers are measured
//   on the in-scope lines at their full price, so another promotion never pushes a cart under a threshold.
// - Stackable promotions all apply together; a promotion that does not stack applies alone. The engine prices both
//   ways and keeps whichever takes more off for the shopper (ties: the stackable set, then the promotion with the lowest id, so the answer never depends on list order).
// - Within a set, buy-X-get-Y applies first, then percentages and tiers, then fixed amounts, each on what the lines
//   still cost, so no line ever goes below zero.
// - Buy X get Y: the in-scope units are ordered from the most expensive down and grouped X + Y at a time; in each
//   full group the Y cheapest units are free (or at the promotion's percentage off), up to the per-order cap of groups.
//   Grouping this way means adding an item never takes a free unit away from the rest of the cart.

export type PromotionEligibility = 'everyone' | 'signed_in' | 'group' | 'first_order';
export type PromotionScope = 'order' | 'products' | 'categories';
export type PromotionTier = { threshold: number; percent: number };

export type PromotionAction =
  | { kind: 'percent'; percent: number }
  | { kind: 'fixed'; amountCents: number }
  | { kind: 'free_shipping' }
  | { kind: 'buy_x_get_y'; buyQuantity: number; getQuantity: number; getPercent: number; maxApplications: number | null }
  | { kind: 'tiered'; basis: 'spend' | 'quantity'; tiers: PromotionTier[] };

export type PromotionRule = {
  id: string;
  title: string;
  /** Null: automatic. Otherwise it applies only when the shopper entered this code (compared upper case). */
  code: string | null;
  isActive: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
  eligibility: PromotionEligibility;
  customerGroupId: string | null;
  minSubtotalCents: number;
  minQuantity: number;
  scope: PromotionScope;
  productIds: readonly string[];
  categoryIds: readonly string[];
  excludeSaleItems: boolean;
  stackable: boolean;
  action: PromotionAction;
};

export type PricingEngineLine = {
  /** The caller's key for the line (the cart line or variant id); echoed back. */
  key: string;
  productId: string;
  categoryIds: readonly string[];
  unitPriceCents: number;
  quantity: number;
  /** Has a compare-at price above its price: "exclude sale items" leaves it out. */
  onSale: boolean;
  /** Gift cards are money, not goods: no promotion touches them. */
  isGiftCard?: boolean;
};

export type PricingCustomer = { signedIn: boolean; groupIds: readonly string[]; isFirstOrder: boolean };

export type PricingInput = {
  lines: readonly PricingEngineLine[];
  customer: PricingCustomer;
  now: Date;
  promotions: readonly PromotionRule[];
  /** The code the shopper entered, if any. */
  code?: string | null;
  /** The chosen shipping price, so that free shipping counts in choosing the best promotion; 0 when unknown. */
  shippingCents?: number;
};

export type AppliedPromotion = {
  promotionId: string;
  title: string;
  code: string | null;
  amountCents: number;
  freeShipping: boolean;
  /** Per input line, in input order; sums to amountCents. */
  lineDiscountCents: number[];
};

export type NextTierHint = {
  promotionId: string;
  title: string;
  basis: 'spend' | 'quantity';
  /** Minor units (spend) or units (quantity) still to add. */
  remaining: number;
  percent: number;
};

export type PricingResult = {
  lines: { key: string; subtotalCents: number; discountCents: number; totalCents: number }[];
  applied: AppliedPromotion[];
  subtotalCents: number;
  discountCents: number;
  freeShipping: boolean;
  hint: NextTierHint | null;
};

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const KIND_ORDER: Record<PromotionAction['kind'], number> = { buy_x_get_y: 0, percent: 1, tiered: 1, fixed: 2, free_shipping: 3 };

export function isLive(promotion: Pick<PromotionRule, 'isActive' | 'startsAt' | 'endsAt'>, now: Date): boolean {
  return promotion.isActive && (!promotion.startsAt || promotion.startsAt <= now) && (!promotion.endsAt || promotion.endsAt > now);
}

export function isEligible(promotion: Pick<PromotionRule, 'eligibility' | 'customerGroupId'>, customer: PricingCustomer): boolean {
  switch (promotion.eligibility) {
    case 'everyone':
      return true;
    case 'signed_in':
      return customer.signedIn;
    case 'group':
      return customer.signedIn && promotion.customerGroupId !== null && customer.groupIds.includes(promotion.customerGroupId);
    case 'first_order':
      return customer.isFirstOrder;
  }
}

/** Which lines a promotion may discount. */
export function inScope(promotion: Pick<PromotionRule, 'scope' | 'productIds' | 'categoryIds' | 'excludeSaleItems'>, line: PricingEngineLine): boolean {
  if (line.isGiftCard) return false;
  if (promotion.excludeSaleItems && line.onSale) return false;
  if (promotion.scope === 'products') return promotion.productIds.includes(line.productId);
  if (promotion.scope === 'categories') return line.categoryIds.some((id) => promotion.categoryIds.includes(id));
  return true;
}

/** The tier reached at this measure (the highest threshold at or below it), or null. */
function tierAt(tiers: readonly PromotionTier[], measure: number): PromotionTier | null {
  let best: PromotionTier | null = null;
  for (const tier of tiers) if (measure >= tier.threshold && (!best || tier.threshold > best.threshold)) best = tier;
  return best;
}

type Measures = { scoped: boolean[]; subtotalCents: number; quantity: number };

function measure(promotion: PromotionRule, lines: readonly PricingEngineLine[]): Measures {
  const scoped = lines.map((line) => inScope(promotion, line));
  let subtotalCents = 0;
  let quantity = 0;
  lines.forEach((line, i) => {
    if (!scoped[i]) return;
    subtotalCents += line.unitPriceCents * line.quantity;
    quantity += line.quantity;
  });
  return { scoped, subtotalCents, quantity };
}

/** Everything but the amounts: live, code, shopper, minimums, and (tiers) the first tier reached. */
function qualifies(promotion: PromotionRule, m: Measures, input: PricingInput): boolean {
  if (!isLive(promotion, input.now)) return false;
  if (promotion.code !== null && promotion.code.toUpperCase() !== (input.code ?? '').trim().toUpperCase()) return false;
  if (!isEligible(promotion, input.customer)) return false;
  if (m.quantity === 0) return promotion.action.kind === 'free_shipping' && promotion.scope === 'order' && m.subtotalCents >= promotion.minSubtotalCents && promotion.minQuantity === 0 && input.lines.some((line) => !line.isGiftCard);
  if (m.subtotalCents < promotion.minSubtotalCents || m.quantity < promotion.minQuantity) return false;
  if (promotion.action.kind === 'tiered') {
    const basis = promotion.action.basis === 'spend' ? m.subtotalCents : m.quantity;
    return tierAt(promotion.action.tiers, basis) !== null;
  }
  return true;
}

/** What one promotion takes off each line, given what the lines still cost (`remaining`, per line). */
function discountLines(promotion: PromotionRule, lines: readonly PricingEngineLine[], m: Measures, remaining: readonly number[]): number[] {
  const action = promotion.action;
  const scopedRemaining = remaining.map((amount, i) => (m.scoped[i] ? amount : 0));
  const base = scopedRemaining.reduce((a, b) => a + b, 0);
  switch (action.kind) {
    case 'free_shipping':
      return lines.map(() => 0);
    // A percentage is rounded per line (half away from zero): a line's discount then depends on that line alone,
    // so adding another item can never shift a cent of rounding away from it.
    case 'percent':
      return scopedRemaining.map((amount) => applyRatio(amount, action.percent, 100));
    case 'tiered': {
      const tier = tierAt(action.tiers, action.basis === 'spend' ? m.subtotalCents : m.quantity)!;
      return scopedRemaining.map((amount) => applyRatio(amount, tier.percent, 100));
    }
    case 'fixed':
      return allocate(Math.min(action.amountCents, base), scopedRemaining);
    case 'buy_x_get_y': {
      const units: { line: number; priceCents: number }[] = [];
      lines.forEach((line, i) => {
        if (m.scoped[i]) for (let q = 0; q < line.quantity; q += 1) units.push({ line: i, priceCents: line.unitPriceCents });
      });
      // Most expensive first; equal prices keep line order, so the answer never depends on sort stability.
      units.sort((a, b) => b.priceCents - a.priceCents || a.line - b.line);
      const group = action.buyQuantity + action.getQuantity;
      let groups = Math.floor(units.length / group);
      if (action.maxApplications !== null) groups = Math.min(groups, action.maxApplications);
      const perLine = lines.map(() => 0);
      for (let g = 0; g < groups; g += 1) {
        for (let k = group - action.getQuantity; k < group; k += 1) {
          const unit = units[g * group + k]!;
          perLine[unit.line] = perLine[unit.line]! + applyRatio(unit.priceCents, action.getPercent, 100);
        }
      }
      return perLine.map((amount, i) => Math.min(amount, scopedRemaining[i]!));
    }
  }
}

type Priced = { applied: AppliedPromotion[]; lineDiscountCents: number[]; discountCents: number; freeShipping: boolean };

function priceSet(set: readonly PromotionRule[], lines: readonly PricingEngineLine[], measures: Map<string, Measures>): Priced {
  const ordered = [...set].sort((a, b) => KIND_ORDER[a.action.kind] - KIND_ORDER[b.action.kind] || byId(a, b));
  const remaining = lines.map((line) => line.unitPriceCents * line.quantity);
  const applied: AppliedPromotion[] = [];
  for (const promotion of ordered) {
    const parts = discountLines(promotion, lines, measures.get(promotion.id)!, remaining);
    parts.forEach((part, i) => {
      remaining[i] = remaining[i]! - part;
    });
    const amountCents = parts.reduce((a, b) => a + b, 0);
    const freeShipping = promotion.action.kind === 'free_shipping';
    // A promotion that ends up taking nothing (its lines were already free) is not shown as applied.
    if (amountCents > 0 || freeShipping) {
      applied.push({ promotionId: promotion.id, title: promotion.title, code: promotion.code, amountCents, freeShipping, lineDiscountCents: parts });
    }
  }
  const lineDiscountCents = lines.map((line, i) => line.unitPriceCents * line.quantity - remaining[i]!);
  return {
    applied,
    lineDiscountCents,
    discountCents: lineDiscountCents.reduce((a, b) => a + b, 0),
    freeShipping: applied.some((entry) => entry.freeShipping),
  };
}

/** The closest step the shopper has not reached yet, among the tiered and minimum-spend promotions open to them. */
function nextTier(input: PricingInput, measures: Map<string, Measures>): NextTierHint | null {
  let best: NextTierHint | null = null;
  const consider = (hint: NextTierHint) => {
    if (!best || (hint.basis === 'spend' && best.basis === 'quantity') || (hint.basis === best.basis && hint.remaining < best.remaining)) best = hint;
  };
  for (const promotion of [...input.promotions].sort(byId)) {
    if (promotion.code !== null || !isLive(promotion, input.now) || !isEligible(promotion, input.customer)) continue;
    const m = measures.get(promotion.id)!;
    if (m.quantity === 0) continue;
    const action = promotion.action;
    if (action.kind === 'tiered') {
      const current = action.basis === 'spend' ? m.subtotalCents : m.quantity;
      const reached = tierAt(action.tiers, current);
      const next = action.tiers.filter((tier) => tier.threshold > current && tier.percent > (reached?.percent ?? 0)).sort((a, b) => a.threshold - b.threshold)[0];
      if (next) consider({ promotionId: promotion.id, title: promotion.title, basis: action.basis, remaining: next.threshold - current, percent: next.percent });
    } else if (action.kind === 'percent' && m.subtotalCents < promotion.minSubtotalCents && m.quantity >= promotion.minQuantity) {
      consider({ promotionId: promotion.id, title: promotion.title, basis: 'spend', remaining: promotion.minSubtotalCents - m.subtotalCents, percent: action.percent });
    }
  }
  return best;
}

export function pricePromotions(input: PricingInput): PricingResult {
  const lines = input.lines;
  const measures = new Map(input.promotions.map((promotion) => [promotion.id, measure(promotion, lines)]));
  const qualifying = input.promotions.filter((promotion) => qualifies(promotion, measures.get(promotion.id)!, input)).sort(byId);
  const shippingCents = input.shippingCents ?? 0;
  const value = (priced: Priced) => priced.discountCents + (priced.freeShipping ? shippingCents : 0);

  let best = priceSet(
    qualifying.filter((promotion) => promotion.stackable),
    lines,
    measures,
  );
  for (const promotion of qualifying) {
    if (promotion.stackable) continue;
    const alone = priceSet([promotion], lines, measures);
    if (value(alone) > value(best)) best = alone;
  }
  const subtotals = lines.map((line) => line.unitPriceCents * line.quantity);
  return {
    lines: lines.map((line, i) => ({
      key: line.key,
      subtotalCents: subtotals[i]!,
      discountCents: best.lineDiscountCents[i]!,
      totalCents: subtotals[i]! - best.lineDiscountCents[i]!,
    })),
    applied: best.applied,
    subtotalCents: subtotals.reduce((a, b) => a + b, 0),
    discountCents: best.discountCents,
    freeShipping: best.freeShipping,
    hint: nextTier(input, measures),
  };
}

/**
 * The words a product page shows for a promotion (the same for every shopper: callers pass only automatic
 * promotions open to everyone). Null for what a product page should not advertise.
 */
export function promotionBadge(action: PromotionAction): string | null {
  switch (action.kind) {
    case 'percent':
      return `${action.percent} % off in cart`;
    case 'buy_x_get_y':
      return action.getPercent === 100
        ? `Buy ${action.buyQuantity} get ${action.getQuantity} free`
        : `Buy ${action.buyQuantity} get ${action.getQuantity} at ${action.getPercent} % off`;
    case 'tiered': {
      const top = Math.max(...action.tiers.map((tier) => tier.percent));
      return `Up to ${top} % off in cart`;
    }
    case 'free_shipping':
      return 'Free shipping';
    case 'fixed':
      return null;
  }
}
