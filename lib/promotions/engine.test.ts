import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type PricingEngineLine, type PricingInput, type PromotionAction, type PromotionRule, pricePromotions, promotionBadge } from './engine';

const NOW = new Date('2026-11-27T12:00:00Z');
const GUEST = { signedIn: false, groupIds: [], isFirstOrder: false };

let nextId = 0;
function promo(action: PromotionAction, over: Partial<PromotionRule> = {}): PromotionRule {
  nextId += 1;
  return {
    id: `p${String(nextId).padStart(3, '0')}`,
    title: `Promotion ${nextId}`,
    code: null,
    isActive: true,
    startsAt: null,
    endsAt: null,
    eligibility: 'everyone',
    customerGroupId: null,
    minSubtotalCents: 0,
    minQuantity: 0,
    scope: 'order',
    productIds: [],
    categoryIds: [],
    excludeSaleItems: false,
    stackable: true,
    action,
    ...over,
  };
}

function line(key: string, unitPriceCents: number, quantity: number, over: Partial<PricingEngineLine> = {}): PricingEngineLine {
  return { key, productId: `prod-${key}`, categoryIds: [], unitPriceCents, quantity, onSale: false, ...over };
}

function run(lines: PricingEngineLine[], promotions: PromotionRule[], over: Partial<PricingInput> = {}) {
  return pricePromotions({ lines, customer: GUEST, now: NOW, promotions, ...over });
}

const tiered = (over: Partial<PromotionRule> = {}) =>
  promo({ kind: 'tiered', basis: 'spend', tiers: [{ threshold: 10_000, percent: 10 }, { threshold: 20_000, percent: 20 }] }, over);

describe('pricePromotions (table)', () => {
  const socks = line('socks', 800, 3);
  const cases: { name: string; lines: PricingEngineLine[]; promotions: PromotionRule[]; over?: Partial<PricingInput>; discount: number; perLine?: number[]; free?: boolean }[] = [
    { name: 'nothing applies without promotions', lines: [socks], promotions: [], discount: 0 },
    { name: 'percent off the whole order', lines: [line('a', 1000, 1), line('b', 2000, 1)], promotions: [promo({ kind: 'percent', percent: 10 })], discount: 300, perLine: [100, 200] },
    { name: 'percent rounds half away from zero on each line', lines: [line('a', 333, 1), line('b', 333, 1), line('c', 334, 1)], promotions: [promo({ kind: 'percent', percent: 15 })], discount: 150, perLine: [50, 50, 50] },
    { name: 'a fixed amount is split by largest remainder', lines: [line('a', 100, 1), line('b', 100, 1), line('c', 100, 1)], promotions: [promo({ kind: 'fixed', amountCents: 100 })], discount: 100, perLine: [34, 33, 33] },
    { name: 'fixed off never exceeds the goods', lines: [line('a', 500, 1)], promotions: [promo({ kind: 'fixed', amountCents: 2000 })], discount: 500, perLine: [500] },
    { name: 'buy 2 get 1 free: the cheapest of the group', lines: [line('a', 1000, 2), line('b', 700, 1)], promotions: [promo({ kind: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, getPercent: 100, maxApplications: null })], discount: 700, perLine: [0, 700] },
    { name: 'buy 2 get 1 free on 3 socks', lines: [socks], promotions: [promo({ kind: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, getPercent: 100, maxApplications: null })], discount: 800 },
    { name: 'buy 2 get 1 free needs a full group', lines: [line('socks', 800, 2)], promotions: [promo({ kind: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, getPercent: 100, maxApplications: null })], discount: 0 },
    { name: 'buy 2 get 1 at 50 % off, capped at one group per order', lines: [line('socks', 800, 9)], promotions: [promo({ kind: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, getPercent: 50, maxApplications: 1 })], discount: 400 },
    { name: 'buy 1 get 1 groups from the most expensive down', lines: [line('a', 1000, 1), line('b', 600, 1), line('c', 500, 1), line('d', 100, 1)], promotions: [promo({ kind: 'buy_x_get_y', buyQuantity: 1, getQuantity: 1, getPercent: 100, maxApplications: null })], discount: 700, perLine: [0, 600, 0, 100] },
    { name: 'tiered below the first step', lines: [line('a', 9_999, 1)], promotions: [tiered()], discount: 0 },
    { name: 'tiered at the first step', lines: [line('a', 10_000, 1)], promotions: [tiered()], discount: 1000 },
    { name: 'tiered at the second step', lines: [line('a', 12_000, 2)], promotions: [tiered()], discount: 4800 },
    { name: 'tiered by quantity', lines: [line('a', 1000, 5)], promotions: [promo({ kind: 'tiered', basis: 'quantity', tiers: [{ threshold: 3, percent: 5 }, { threshold: 5, percent: 15 }] })], discount: 750 },
    { name: 'product scope discounts only its products', lines: [line('a', 1000, 1), line('b', 1000, 1)], promotions: [promo({ kind: 'percent', percent: 50 }, { scope: 'products', productIds: ['prod-b'] })], discount: 500, perLine: [0, 500] },
    { name: 'category scope', lines: [line('a', 1000, 1, { categoryIds: ['shoes'] }), line('b', 1000, 1, { categoryIds: ['hats'] })], promotions: [promo({ kind: 'percent', percent: 10 }, { scope: 'categories', categoryIds: ['hats'] })], discount: 100, perLine: [0, 100] },
    { name: 'sale items excluded', lines: [line('a', 1000, 1, { onSale: true }), line('b', 1000, 1)], promotions: [promo({ kind: 'percent', percent: 10 }, { excludeSaleItems: true })], discount: 100, perLine: [0, 100] },
    { name: 'gift cards are never discounted', lines: [line('card', 5000, 1, { isGiftCard: true }), line('b', 1000, 1)], promotions: [promo({ kind: 'percent', percent: 10 })], discount: 100, perLine: [0, 100] },
    { name: 'minimum subtotal not met', lines: [line('a', 1000, 1)], promotions: [promo({ kind: 'percent', percent: 10 }, { minSubtotalCents: 1001 })], discount: 0 },
    { name: 'minimum quantity met', lines: [line('a', 1000, 2)], promotions: [promo({ kind: 'percent', percent: 10 }, { minQuantity: 2 })], discount: 200 },
    { name: 'not yet started', lines: [line('a', 1000, 1)], promotions: [promo({ kind: 'percent', percent: 10 }, { startsAt: new Date('2026-11-28T00:00:00Z') })], discount: 0 },
    { name: 'ended', lines: [line('a', 1000, 1)], promotions: [promo({ kind: 'percent', percent: 10 }, { endsAt: NOW })], discount: 0 },
    { name: 'inactive', lines: [line('a', 1000, 1)], promotions: [promo({ kind: 'percent', percent: 10 }, { isActive: false })], discount: 0 },
    { name: 'code promotion without its code', lines: [line('a', 1000, 1)], promotions: [promo({ kind: 'percent', percent: 10 }, { code: 'FRIDAY' })], discount: 0 },
    { name: 'code promotion with its code in any case', lines: [line('a', 1000, 1)], promotions: [promo({ kind: 'percent', percent: 10 }, { code: 'FRIDAY' })], over: { code: ' friday ' }, discount: 100 },
    { name: 'signed-in only, guest', lines: [line('a', 1000, 1)], promotions: [promo({ kind: 'percent', percent: 10 }, { eligibility: 'signed_in' })], discount: 0 },
    { name: 'signed-in only, signed in', lines: [line('a', 1000, 1)], promotions: [promo({ kind: 'percent', percent: 10 }, { eligibility: 'signed_in' })], over: { customer: { signedIn: true, groupIds: [], isFirstOrder: false } }, discount: 100 },
    { name: 'group only, other group', lines: [line('a', 1000, 1)], promotions: [promo({ kind: 'percent', percent: 10 }, { eligibility: 'group', customerGroupId: 'vip' })], over: { customer: { signedIn: true, groupIds: ['staff'], isFirstOrder: false } }, discount: 0 },
    { name: 'group only, member', lines: [line('a', 1000, 1)], promotions: [promo({ kind: 'percent', percent: 10 }, { eligibility: 'group', customerGroupId: 'vip' })], over: { customer: { signedIn: true, groupIds: ['vip'], isFirstOrder: false } }, discount: 100 },
    { name: 'first order only', lines: [line('a', 1000, 1)], promotions: [promo({ kind: 'percent', percent: 10 }, { eligibility: 'first_order' })], over: { customer: { signedIn: true, groupIds: [], isFirstOrder: true } }, discount: 100 },
    { name: 'stackable promotions apply one after the other, percentages before fixed amounts', lines: [line('a', 10_000, 1)], promotions: [promo({ kind: 'fixed', amountCents: 1000 }), promo({ kind: 'percent', percent: 10 })], discount: 2000 },
    { name: 'a non-stackable promotion wins when it is worth more', lines: [line('a', 10_000, 1)], promotions: [promo({ kind: 'percent', percent: 10 }), promo({ kind: 'percent', percent: 25 }, { stackable: false })], discount: 2500 },
    { name: 'the stackable set wins when it is worth more', lines: [line('a', 10_000, 1)], promotions: [promo({ kind: 'percent', percent: 10 }), promo({ kind: 'percent', percent: 10 }), promo({ kind: 'percent', percent: 15 }, { stackable: false })], discount: 1900 },
    { name: 'free shipping', lines: [line('a', 1000, 1)], promotions: [promo({ kind: 'free_shipping' })], discount: 0, free: true },
    { name: 'free shipping counts when choosing the best', lines: [line('a', 1000, 1)], promotions: [promo({ kind: 'percent', percent: 10 }, { stackable: false }), promo({ kind: 'free_shipping' }, { stackable: false })], over: { shippingCents: 500 }, discount: 0, free: true },
  ];
  it.each(cases)('$name', ({ lines, promotions, over, discount, perLine, free }) => {
    const result = run(lines, promotions, over);
    expect(result.discountCents).toBe(discount);
    if (perLine) expect(result.lines.map((l) => l.discountCents)).toEqual(perLine);
    expect(result.freeShipping).toBe(free ?? false);
    expect(result.applied.reduce((sum, entry) => sum + entry.amountCents, 0)).toBe(discount);
  });

  it('names each applied promotion with its amount and per-line parts', () => {
    const bogo = promo({ kind: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, getPercent: 100, maxApplications: null }, { title: 'Buy 2 socks get 1 free', scope: 'products', productIds: ['prod-socks'] });
    const tiers = tiered({ title: 'Spend more, save more' });
    const result = run([line('socks', 800, 3), line('coat', 12_000, 1)], [bogo, tiers]);
    expect(result.applied.map((entry) => [entry.title, entry.amountCents])).toEqual([
      ['Buy 2 socks get 1 free', 800],
      // 10 % of what is left after the free pair of socks: (1600 + 12000) = 13600 → 1360.
      ['Spend more, save more', 1360],
    ]);
    expect(result.lines.map((l) => l.totalCents)).toEqual([1600 - 160, 12_000 - 1200]);
  });

  it('hints at the next tier', () => {
    expect(run([line('a', 7700, 1)], [tiered()]).hint).toMatchObject({ basis: 'spend', remaining: 2300, percent: 10 });
    expect(run([line('a', 17_700, 1)], [tiered()]).hint).toMatchObject({ basis: 'spend', remaining: 2300, percent: 20 });
    expect(run([line('a', 20_000, 1)], [tiered()]).hint).toBeNull();
    // A group's promotion is no hint for someone outside it.
    expect(run([line('a', 7700, 1)], [tiered({ eligibility: 'group', customerGroupId: 'vip' })]).hint).toBeNull();
  });

  it('badges say what the cart will do', () => {
    expect(promotionBadge({ kind: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, getPercent: 100, maxApplications: null })).toBe('Buy 2 get 1 free');
    expect(promotionBadge({ kind: 'percent', percent: 20 })).toBe('20 % off in cart');
    expect(promotionBadge({ kind: 'tiered', basis: 'spend', tiers: [{ threshold: 1, percent: 10 }, { threshold: 2, percent: 20 }] })).toBe('Up to 20 % off in cart');
  });
});

// Property tests: whatever the cart and promotions, the arithmetic holds.
const lineArb = fc.record({
  price: fc.integer({ min: 0, max: 50_000 }),
  quantity: fc.integer({ min: 1, max: 6 }),
  product: fc.constantFrom('p1', 'p2', 'p3'),
  category: fc.constantFrom('c1', 'c2'),
  onSale: fc.boolean(),
  isGiftCard: fc.constantFrom(false, false, false, true),
});
const actionArb: fc.Arbitrary<PromotionAction> = fc.oneof(
  fc.integer({ min: 1, max: 100 }).map((percent) => ({ kind: 'percent' as const, percent })),
  fc.integer({ min: 1, max: 100_000 }).map((amountCents) => ({ kind: 'fixed' as const, amountCents })),
  fc.constant({ kind: 'free_shipping' as const }),
  fc
    .record({ buy: fc.integer({ min: 1, max: 3 }), get: fc.integer({ min: 1, max: 2 }), pct: fc.integer({ min: 1, max: 100 }), cap: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }) })
    .map(({ buy, get, pct, cap }) => ({ kind: 'buy_x_get_y' as const, buyQuantity: buy, getQuantity: get, getPercent: pct, maxApplications: cap })),
  fc
    .record({ basis: fc.constantFrom('spend' as const, 'quantity' as const), t1: fc.integer({ min: 1, max: 60_000 }), p1: fc.integer({ min: 1, max: 50 }), gap: fc.integer({ min: 1, max: 60_000 }), p2: fc.integer({ min: 1, max: 50 }) })
    .map(({ basis, t1, p1, gap, p2 }) => ({ kind: 'tiered' as const, basis, tiers: [{ threshold: basis === 'quantity' ? (t1 % 8) + 1 : t1, percent: p1 }, { threshold: basis === 'quantity' ? (t1 % 8) + 1 + (gap % 5) + 1 : t1 + gap, percent: p1 + p2 }] })),
);
const promotionArb = fc.record({
  action: actionArb,
  scope: fc.constantFrom('order' as const, 'products' as const, 'categories' as const),
  stackable: fc.boolean(),
  excludeSaleItems: fc.boolean(),
  minSubtotalCents: fc.constantFrom(0, 0, 5000),
});
const promotionsArb = fc.array(promotionArb, { maxLength: 4 }).map((list) =>
  list.map((p, i): PromotionRule => ({
    ...promo(p.action),
    id: `q${i}`,
    scope: p.scope,
    productIds: ['p1', 'p2'],
    categoryIds: ['c2'],
    stackable: p.stackable,
    excludeSaleItems: p.excludeSaleItems,
    minSubtotalCents: p.minSubtotalCents,
  })),
);
type RawLine = typeof lineArb extends fc.Arbitrary<infer T> ? T : never;
const toLines = (raw: RawLine[]): PricingEngineLine[] =>
  raw.map((l, i) => ({ key: `l${i}`, productId: l.product, categoryIds: [l.category], unitPriceCents: l.price, quantity: l.quantity, onSale: l.onSale, isGiftCard: l.isGiftCard }));

describe('pricePromotions (properties)', () => {
  it('never takes a line below zero, and the parts add up exactly', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 6 }), promotionsArb, (raw, promotions) => {
        const result = run(toLines(raw), promotions);
        for (const l of result.lines) {
          expect(l.discountCents).toBeGreaterThanOrEqual(0);
          expect(l.totalCents).toBeGreaterThanOrEqual(0);
          expect(l.totalCents).toBe(l.subtotalCents - l.discountCents);
        }
        expect(result.lines.reduce((s, l) => s + l.discountCents, 0)).toBe(result.discountCents);
        expect(result.applied.reduce((s, a) => s + a.amountCents, 0)).toBe(result.discountCents);
        result.applied.forEach((entry) => {
          expect(entry.lineDiscountCents.reduce((s, n) => s + n, 0)).toBe(entry.amountCents);
          entry.lineDiscountCents.forEach((n) => expect(Number.isInteger(n) && n >= 0).toBe(true));
        });
        expect(result.discountCents).toBeLessThanOrEqual(result.subtotalCents);
      }),
      { numRuns: 500 },
    );
  });

  it('adding an item never makes the rest of the cart cost more', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 5 }), lineArb, promotionsArb, (raw, extra, promotions) => {
        const before = run(toLines(raw), promotions);
        const withExtra = toLines([...raw, extra]);
        const after = run(withExtra, promotions);
        const added = after.lines.at(-1)!;
        const othersAfter = after.lines.slice(0, -1).reduce((s, l) => s + l.totalCents, 0);
        const othersBefore = before.lines.reduce((s, l) => s + l.totalCents, 0);
        // What the cart costs beyond the new line's own price never rises (a fixed amount may move between lines).
        expect(othersAfter + added.totalCents - added.subtotalCents).toBeLessThanOrEqual(othersBefore);
      }),
      { numRuns: 500 },
    );
  });

  // Per line this holds for percentages and tiers; a fixed amount is shared with the new line, and a free unit of
  // buy-X-get-Y may move to an equally priced unit of another line (the cart as a whole still costs no more, above).
  it('with stacking percentages and tiers, no other line costs more after an item is added', () => {
    const noFixed = promotionsArb.map((list) => list.filter((p) => p.action.kind === 'percent' || p.action.kind === 'tiered').map((p) => ({ ...p, stackable: true })));
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 5 }), lineArb, noFixed, (raw, extra, promotions) => {
        const before = run(toLines(raw), promotions);
        const after = run(toLines([...raw, extra]), promotions);
        before.lines.forEach((l, i) => expect(after.lines[i]!.totalCents).toBeLessThanOrEqual(l.totalCents));
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order promotions are listed in', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 6 }), promotionsArb, (raw, promotions) => {
        expect(run(toLines(raw), [...promotions].reverse())).toEqual(run(toLines(raw), promotions));
      }),
      { numRuns: 300 },
    );
  });
});
