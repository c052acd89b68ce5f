import 'server-only';
import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { customerGroupMembers, orderPromotions, orders, productCategories, promotions, variants } from '@/db/schema';
import { convertAmount } from '@/lib/markets/pricing';
import type { MarketView } from '@/lib/markets/types';
import { type PricingCustomer, type PricingEngineLine, type PricingResult, type PromotionAction, type PromotionRule, pricePromotions } from './engine';

// The engine's inputs read from the database: the live promotions (in the cart's currency), the shopper (groups,
// first order, what they already used), and the lines' products, categories and sale flags. The cart view, the
// checkout preview and placement all price through applyPromotions, so they agree.

export type PromotionLine = { key: string; variantId: string; unitPriceCents: number; quantity: number; isGiftCard: boolean };

const EMPTY: Omit<PricingResult, 'lines' | 'subtotalCents'> = { applied: [], discountCents: 0, freeShipping: false, hint: null };

type PromotionRow = typeof promotions.$inferSelect;

/** A promotion's amounts in the market's currency (at its rate, to the minor unit), or null when it cannot apply there. */
export function ruleInMarket(row: PromotionRow, market: Pick<MarketView, 'currency' | 'exchangeRate' | 'roundingRule'>, baseCurrency: string): PromotionRule | null {
  if (row.currency !== market.currency && row.currency !== baseCurrency) return null;
  const inMarket = (cents: number) => (row.currency === market.currency ? cents : convertAmount(cents, row.currency, market, 'none'));
  const data = row.action;
  let action: PromotionAction;
  if (data.kind === 'fixed') action = { kind: 'fixed', amountCents: inMarket(data.amountCents) };
  else if (data.kind === 'tiered' && data.basis === 'spend') action = { ...data, tiers: data.tiers.map((tier) => ({ ...tier, threshold: inMarket(tier.threshold) })) };
  else action = data;
  return {
    id: row.id,
    title: row.title,
    code: row.code,
    isActive: row.isActive,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    eligibility: row.eligibility,
    customerGroupId: row.customerGroupId,
    minSubtotalCents: inMarket(row.minSubtotalCents),
    minQuantity: row.minQuantity,
    scope: row.scope,
    productIds: row.productIds,
    categoryIds: row.categoryIds,
    excludeSaleItems: row.excludeSaleItems,
    stackable: row.stackable,
    action,
  };
}

/**
 * Promotions that may apply now: active, not ended, not used up, automatic or with the code entered. (Start dates
 * and eligibility are the engine's to judge.)
 */
async function loadLivePromotions(executor: Executor, now: Date, code: string | null): Promise<PromotionRow[]> {
  return executor
    .select()
    .from(promotions)
    .where(
      and(
        eq(promotions.isActive, true),
        or(isNull(promotions.endsAt), gt(promotions.endsAt, now)),
        or(isNull(promotions.usageLimit), sql`${promotions.timesUsed} < ${promotions.usageLimit}`),
        code ? or(isNull(promotions.code), eq(promotions.code, code.trim().toUpperCase())) : isNull(promotions.code),
      ),
    );
}

/** Whether an entered code names a promotion (then it is not looked up as a discount code). */
export async function isPromotionCode(code: string, executor: Executor = db): Promise<boolean> {
  const [row] = await executor.select({ id: promotions.id }).from(promotions).where(eq(promotions.code, code.trim().toUpperCase())).limit(1);
  return row !== undefined;
}

/** The shopper as eligibility sees them. Guests are in no group and have no known first order. */
async function loadCustomer(executor: Executor, customerId: string | null): Promise<PricingCustomer> {
  if (!customerId) return { signedIn: false, groupIds: [], isFirstOrder: false };
  const [groups, [placed]] = await Promise.all([
    executor.select({ groupId: customerGroupMembers.groupId }).from(customerGroupMembers).where(eq(customerGroupMembers.userId, customerId)),
    executor.select({ n: sql<number>`count(*)::int` }).from(orders).where(eq(orders.customerId, customerId)),
  ]);
  return { signedIn: true, groupIds: groups.map((g) => g.groupId), isFirstOrder: Number(placed?.n ?? 0) === 0 };
}

/** Promotions this customer has used up (per-customer limit reached). */
async function exhaustedFor(executor: Executor, customerId: string | null, rows: PromotionRow[]): Promise<Set<string>> {
  const limited = rows.filter((row) => row.perCustomerLimit !== null);
  if (!customerId || limited.length === 0) return new Set();
  const used = await executor
    .select({ promotionId: orderPromotions.promotionId, n: sql<number>`count(*)::int` })
    .from(orderPromotions)
    .where(and(eq(orderPromotions.customerId, customerId), inArray(orderPromotions.promotionId, limited.map((row) => row.id))))
    .groupBy(orderPromotions.promotionId);
  const limitOf = new Map(limited.map((row) => [row.id, row.perCustomerLimit!]));
  return new Set(used.filter((u) => u.promotionId && Number(u.n) >= limitOf.get(u.promotionId)!).map((u) => u.promotionId!));
}

async function loadLineFacts(executor: Executor, variantIds: string[]) {
  if (variantIds.length === 0) return new Map<string, { productId: string; categoryIds: string[]; onSale: boolean }>();
  const rows = await executor
    .select({
      variantId: variants.id,
      productId: variants.productId,
      onSale: sql<boolean>`coalesce(${variants.compareAtPriceCents} > ${variants.priceCents}, false)`,
      categoryIds: sql<string[]>`coalesce((select array_agg(${productCategories.categoryId}) from ${productCategories} where ${productCategories.productId} = ${variants.productId}), '{}')`,
    })
    .from(variants)
    .where(inArray(variants.id, variantIds));
  return new Map(rows.map((row) => [row.variantId, { productId: row.productId, categoryIds: row.categoryIds ?? [], onSale: Boolean(row.onSale) }]));
}

export type AppliedPromotions = Omit<PricingResult, 'lines' | 'subtotalCents'> & {
  /** Per input line, in input order. */
  lineDiscountCents: number[];
};

/**
 * Prices the promotions for some lines (in the market's currency) for a customer (an account or a guest's record;
 * null for an unknown guest). `code` is what the shopper entered; `shippingCents` the chosen rate, so free shipping
 * weighs in when the best promotion is chosen.
 */
export async function applyPromotions(
  executor: Executor,
  input: { lines: PromotionLine[]; customerId: string | null; market: MarketView; baseCurrency: string; code?: string | null; shippingCents?: number; now?: Date },
): Promise<AppliedPromotions> {
  const now = input.now ?? new Date();
  const none = { ...EMPTY, lineDiscountCents: input.lines.map(() => 0) };
  if (input.lines.length === 0) return none;
  const rows = await loadLivePromotions(executor, now, input.code ?? null);
  // No promotion running: the common case costs one indexed query.
  if (rows.length === 0) return none;
  const [customer, exhausted, facts] = await Promise.all([
    loadCustomer(executor, input.customerId),
    exhaustedFor(executor, input.customerId, rows),
    loadLineFacts(executor, [...new Set(input.lines.map((line) => line.variantId))]),
  ]);
  const rules = rows.flatMap((row) => {
    if (exhausted.has(row.id)) return [];
    const rule = ruleInMarket(row, input.market, input.baseCurrency);
    return rule ? [rule] : [];
  });
  const lines: PricingEngineLine[] = input.lines.map((line) => {
    const fact = facts.get(line.variantId);
    return {
      key: line.key,
      productId: fact?.productId ?? '',
      categoryIds: fact?.categoryIds ?? [],
      onSale: fact?.onSale ?? false,
      unitPriceCents: line.unitPriceCents,
      quantity: line.quantity,
      isGiftCard: line.isGiftCard,
    };
  });
  const result = pricePromotions({ lines, customer, now, promotions: rules, code: input.code ?? null, shippingCents: input.shippingCents ?? 0 });
  return {
    applied: result.applied,
    discountCents: result.discountCents,
    freeShipping: result.freeShipping,
    hint: result.hint,
    lineDiscountCents: result.lines.map((line) => line.discountCents),
  };
}
