import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { cartLines, carts, productImages, products, variants } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { mediaUrl } from '@/lib/storage';
import { getCachedStoreInfo } from '@/lib/catalog/cache';
import { isOnSale, isPurchasable, type PurchasableFields } from '@/lib/catalog/purchasable';
import { getCachedMarkets } from '@/lib/markets/cache';
import { resolvePrice } from '@/lib/markets/pricing';
import { defaultMarket, getExplicitPrices } from '@/lib/markets/queries';
import { applyPromotions } from '@/lib/promotions/pricing';
import type { MarketView } from '@/lib/markets/types';
import { type AddToCartInput, MAX_LINE_QUANTITY, type UpdateLineInput } from './schemas';
import type { CartLineView, CartRef, CartView } from './types';

// The cart domain: one service behind both the web actions and the Store API.
// Prices are never stored on a cart: every view is priced from the catalogue as it is now, in the cart's market
// (lib/markets/pricing.ts: the market's explicit price, else the base price at its rate and rounding). A cart keeps
// its market and that market's currency; moving it to another market re-prices every line at once.

const CART_TTL_MS = 60 * 24 * 3600 * 1000;

/** A new opaque cart token (256 bits); only its SHA-256 is stored. */
export function newCartToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashCartToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

type CartRow = { id: string; currency: string; marketId: string | null };

const cartColumns = { id: carts.id, currency: carts.currency, marketId: carts.marketId };

/** The market a cart is priced in: its own, else (none, or one since deleted) the default. */
export function marketOfCart(all: readonly MarketView[], cart: { marketId: string | null }): MarketView {
  return (cart.marketId ? all.find((market) => market.id === cart.marketId) : undefined) ?? defaultMarket(all);
}

/**
 * The active cart a request refers to: the signed-in user's, else the guest token's (never another user's).
 * `lock` takes its row lock for the transaction; `touch` does too, marking it updated in the same statement.
 */
export async function findActiveCart(executor: Executor, ref: CartRef, options: { lock?: boolean; touch?: boolean } = {}): Promise<CartRow | null> {
  let where;
  if (ref.userId) where = and(eq(carts.userId, ref.userId), eq(carts.status, 'active'));
  else if (ref.token) where = and(eq(carts.tokenHash, hashCartToken(ref.token)), eq(carts.status, 'active'), isNull(carts.userId));
  else return null;
  if (options.touch) {
    const [touched] = await executor.update(carts).set({ updatedAt: new Date() }).where(where).returning(cartColumns);
    return touched ?? null;
  }
  const query = executor.select(cartColumns).from(carts).where(where).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Creates the cart on first add. Returns the new guest token (null for a user's cart, which needs no cookie). */
async function createCart(executor: Executor, ref: CartRef, market: MarketView): Promise<{ cart: CartRow; token: string | null }> {
  const token = newCartToken();
  const [row] = await executor
    .insert(carts)
    .values({
      tokenHash: hashCartToken(token),
      userId: ref.userId ?? null,
      marketId: market.id,
      currency: market.currency,
      expiresAt: new Date(Date.now() + CART_TTL_MS),
    })
    // A user's second tab may have created their cart a moment ago (one active cart per user is unique).
    .onConflictDoNothing()
    .returning(cartColumns);
  if (row) return { cart: row, token: ref.userId ? null : token };
  const existing = await findActiveCart(executor, ref, { lock: true });
  if (!existing) throw new Error('cart vanished after a conflicting insert');
  return { cart: existing, token: null };
}

/**
 * How many of a variant a cart may hold now; 0 when it cannot be bought at all. `baseCurrency` is the store's: a
 * variant priced in it can be priced in every market.
 */
function lineLimit(variant: PurchasableFields & { stockOnHand: number }, baseCurrency: string): number {
  if (!isPurchasable(variant, baseCurrency)) return 0;
  return Math.max(0, Math.min(variant.stockOnHand, MAX_LINE_QUANTITY));
}

async function loadPurchasable(executor: Executor, variantId: string) {
  const [row] = await executor
    .select({
      id: variants.id,
      stockOnHand: variants.stockOnHand,
      currency: variants.currency,
      isActive: variants.isActive,
      productStatus: products.status,
      isGiftCard: products.isGiftCard,
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(eq(variants.id, variantId))
    // Lock the variant row so a concurrent checkout cannot change stock between the check and the write.
    .for('share', { of: variants });
  return row ?? null;
}

function notAvailable(): AppError {
  // Same answer for unknown, draft, archived and inactive: a cart must not reveal unpublished products.
  return new AppError('validation_failed', 'This item is not available.', {
    fieldErrors: { variantId: ['This item is not available.'] },
  });
}

function tooMany(limit: number, alreadyInCart: number): AppError {
  const message =
    limit === 0
      ? 'This item is sold out.'
      : alreadyInCart > 0
        ? `Only ${limit} available per order, and you already have ${alreadyInCart} in your cart.`
        : `Only ${limit} available.`;
  return new AppError('conflict', message, { fieldErrors: { quantity: [message] } });
}

export type AddLineResult = { cart: CartView; quantityInCart: number; newToken: string | null };

/**
 * Adds a variant. A new cart is made in `market` (the shopper's; default: the store's default market); an existing
 * cart in another market moves to it first, so what is added is priced as the shopper saw it.
 */
export async function addCartLine(ref: CartRef, input: AddToCartInput, executor: Executor = db, market?: MarketView): Promise<AddLineResult> {
  // Read before the transaction: a cache miss inside it would wait for a second connection while holding one.
  const [{ currency }, all] = await Promise.all([getCachedStoreInfo(), getCachedMarkets()]);
  const target = market ?? defaultMarket(all);
  const outcome = await executor.transaction(async (tx) => {
    // Lock order everywhere: cart, then variants (checkout does the same), so the two cannot deadlock.
    let cart = await findActiveCart(tx, ref, { touch: true });
    const variant = await loadPurchasable(tx, input.variantId);
    if (!variant || !isOnSale(variant)) throw notAvailable();
    let newToken: string | null = null;
    if (!cart) {
      if (variant.stockOnHand <= 0) throw tooMany(0, 0);
      ({ cart, token: newToken } = await createCart(tx, ref, target));
    } else if (market && (cart.marketId !== market.id || cart.currency !== market.currency)) {
      await tx.update(carts).set({ marketId: market.id, currency: market.currency }).where(eq(carts.id, cart.id));
    }
    const limit = lineLimit(variant, currency);
    if (limit === 0 && variant.currency !== currency) throw notAvailable();
    if (input.quantity > limit) throw tooMany(limit, 0);

    // Adds to the line, or creates it, in one statement; over the limit, the transaction is rolled back.
    const [line] = await tx
      .insert(cartLines)
      .values({ cartId: cart.id, variantId: variant.id, quantity: input.quantity, giftCardRecipient: variant.isGiftCard ? (input.recipient ?? null) : null })
      .onConflictDoUpdate({
        target: [cartLines.cartId, cartLines.variantId],
        // A gift card added again for someone else: the line's cards go to the latest recipient named.
        set: { quantity: sql`${cartLines.quantity} + ${input.quantity}`, ...(variant.isGiftCard && input.recipient ? { giftCardRecipient: input.recipient } : {}) },
      })
      .returning({ quantity: cartLines.quantity });
    if (line!.quantity > limit) throw tooMany(limit, line!.quantity - input.quantity);
    return { cart, quantity: line!.quantity, newToken };
  });
  const cart = await getCartViewById(outcome.cart.id, executor);
  return { cart: cart!, quantityInCart: outcome.quantity, newToken: outcome.newToken };
}

export async function updateCartLine(ref: CartRef, input: UpdateLineInput, executor: Executor = db): Promise<CartView> {
  const { currency } = await getCachedStoreInfo();
  const cartId = await executor.transaction(async (tx) => {
    const cart = await findActiveCart(tx, ref, { lock: true });
    if (!cart) throw new AppError('not_found', 'That item is no longer in your cart.');
    // Ownership in the WHERE clause: a line id from someone else's cart is simply not found.
    const [line] = await tx
      .select({ id: cartLines.id, variantId: cartLines.variantId })
      .from(cartLines)
      .where(and(eq(cartLines.id, input.lineId), eq(cartLines.cartId, cart.id)));
    if (!line) throw new AppError('not_found', 'That item is no longer in your cart.');
    const variant = await loadPurchasable(tx, line.variantId);
    const limit = variant ? lineLimit(variant, currency) : 0;
    if (input.quantity > limit) throw tooMany(limit, 0);
    await tx.update(cartLines).set({ quantity: input.quantity }).where(eq(cartLines.id, line.id));
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cart.id));
    return cart.id;
  });
  return (await getCartViewById(cartId, executor))!;
}

export async function removeCartLine(ref: CartRef, lineId: string, executor: Executor = db): Promise<CartView> {
  const cart = await findActiveCart(executor, ref);
  if (!cart) throw new AppError('not_found', 'That item is no longer in your cart.');
  const deleted = await executor
    .delete(cartLines)
    .where(and(eq(cartLines.id, lineId), eq(cartLines.cartId, cart.id)))
    .returning({ id: cartLines.id });
  if (deleted.length === 0) throw new AppError('not_found', 'That item is no longer in your cart.');
  return (await getCartViewById(cart.id, executor))!;
}

export async function getCartView(ref: CartRef, executor: Executor = db): Promise<CartView | null> {
  const cart = await findActiveCart(executor, ref);
  return cart ? getCartViewById(cart.id, executor) : null;
}

/** Units in the cart, for the header badge. */
export async function getCartItemCount(ref: CartRef, executor: Executor = db): Promise<number> {
  const cart = await findActiveCart(executor, ref);
  if (!cart) return 0;
  const [row] = await executor
    .select({ units: sql<number>`coalesce(sum(${cartLines.quantity}), 0)::int` })
    .from(cartLines)
    .where(eq(cartLines.cartId, cart.id));
  return Number(row?.units ?? 0);
}

/**
 * Builds the priced view of a cart the caller has already resolved (and so is allowed to see), in one query: the
 * cart, its lines with today's prices and stock, and each product's first image.
 */
export async function getCartViewById(cartId: string, executor: Executor = db): Promise<CartView | null> {
  const [{ currency: baseCurrency }, all] = await Promise.all([getCachedStoreInfo(), getCachedMarkets()]);
  const firstImage = executor
    .select({ storageKey: productImages.storageKey, altText: productImages.altText })
    .from(productImages)
    .where(eq(productImages.productId, products.id))
    .orderBy(asc(productImages.position))
    .limit(1)
    .as('first_image');
  const rows = await executor
    .select({
      cartId: carts.id,
      marketId: carts.marketId,
      userId: carts.userId,
      id: cartLines.id,
      variantId: variants.id,
      productSlug: products.slug,
      productTitle: products.title,
      productStatus: products.status,
      variantTitle: variants.title,
      sku: variants.sku,
      priceCents: variants.priceCents,
      compareAtPriceCents: variants.compareAtPriceCents,
      variantCurrency: variants.currency,
      stockOnHand: variants.stockOnHand,
      isActive: variants.isActive,
      quantity: cartLines.quantity,
      isGiftCard: products.isGiftCard,
      giftCardRecipient: cartLines.giftCardRecipient,
      imageKey: firstImage.storageKey,
      imageAlt: firstImage.altText,
    })
    .from(carts)
    .leftJoin(cartLines, eq(cartLines.cartId, carts.id))
    .leftJoin(variants, eq(variants.id, cartLines.variantId))
    .leftJoin(products, eq(products.id, variants.productId))
    .leftJoinLateral(firstImage, sql`true`)
    .where(eq(carts.id, cartId))
    .orderBy(asc(cartLines.createdAt), asc(cartLines.id));
  const head = rows[0];
  if (!head) return null;
  const market = marketOfCart(all, head);
  const explicit = market.isDefault ? new Map() : await getExplicitPrices(market.id, rows.flatMap((row) => (row.variantId ? [row.variantId] : [])), executor);
  const lines = rows.flatMap((row): CartLineView[] => {
    // The cart's own row when it has no lines (left join); a line whose variant is gone cannot exist (foreign key).
    if (row.id === null || row.variantId === null) return [];
    const purchasable = { stockOnHand: row.stockOnHand!, currency: row.variantCurrency!, isActive: row.isActive!, productStatus: row.productStatus! };
    const maxQuantity = lineLimit(purchasable, baseCurrency);
    const quantity = row.quantity!;
    const unitPriceCents = resolvePrice({ priceCents: row.priceCents!, compareAtPriceCents: row.compareAtPriceCents, currency: row.variantCurrency! }, market, explicit.get(row.variantId)).priceCents;
    const problem = maxQuantity === 0 ? 'unavailable' : quantity > maxQuantity ? 'insufficient_stock' : null;
    return [
      {
        id: row.id,
        variantId: row.variantId,
        productSlug: row.productSlug!,
        productTitle: row.productTitle!,
        variantTitle: row.variantTitle!,
        sku: row.sku!,
        imageUrl: row.imageKey ? mediaUrl(row.imageKey) : null,
        imageAlt: row.imageAlt ?? '',
        unitPriceCents,
        quantity,
        lineTotalCents: unitPriceCents * quantity,
        discountCents: 0,
        maxQuantity,
        problem,
        isGiftCard: row.isGiftCard ?? false,
        giftCardRecipient: row.isGiftCard ? (row.giftCardRecipient ?? null) : null,
      },
    ];
  });
  // Automatic promotions on the lines that can be bought, for the cart's owner (a guest cart: anyone's).
  const buyable = lines.filter((line) => line.problem === null);
  const promoted = await applyPromotions(executor, {
    lines: buyable.map((line) => ({ key: line.id, variantId: line.variantId, unitPriceCents: line.unitPriceCents, quantity: line.quantity, isGiftCard: line.isGiftCard })),
    customerId: head.userId,
    market,
    baseCurrency,
  });
  buyable.forEach((line, i) => {
    line.discountCents = promoted.lineDiscountCents[i] ?? 0;
  });
  const subtotalCents = buyable.reduce((sum, line) => sum + line.lineTotalCents, 0);
  return {
    id: head.cartId,
    currency: market.currency,
    market: market.code,
    lines,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotalCents,
    hasProblems: lines.some((line) => line.problem !== null),
    promotions: promoted.applied.map((entry) => ({ id: entry.promotionId, title: entry.title, amountCents: entry.amountCents, freeShipping: entry.freeShipping })),
    discountCents: promoted.discountCents,
    discountedSubtotalCents: subtotalCents - promoted.discountCents,
    nextTier: promoted.hint ? { title: promoted.hint.title, basis: promoted.hint.basis, remaining: promoted.hint.remaining, percent: promoted.hint.percent } : null,
  };
}

/** Store API: an explicit, empty cart for a client that wants its token before adding anything. */
export async function createEmptyCart(executor: Executor = db, market?: MarketView): Promise<{ cart: CartView; token: string }> {
  const { cart, token } = await createCart(executor, {}, market ?? defaultMarket(await getCachedMarkets()));
  return { cart: (await getCartViewById(cart.id, executor))!, token: token! };
}

/**
 * On sign-in the guest cart joins the customer's: quantities add up, clamped to what can be bought now.
 * The guest cart is retired (status 'merged', or adopted with a fresh token hash), so the old cookie token is dead.
 */
export async function mergeGuestCart(guestToken: string, userId: string, executor: Executor = db): Promise<void> {
  const { currency } = await getCachedStoreInfo();
  await executor.transaction(async (tx) => {
    const guest = await findActiveCart(tx, { token: guestToken }, { lock: true });
    if (!guest) return;
    const userCart = await findActiveCart(tx, { userId }, { lock: true });
    if (!userCart) {
      await tx
        .update(carts)
        .set({ userId, tokenHash: hashCartToken(newCartToken()) })
        .where(eq(carts.id, guest.id));
      return;
    }
    const guestLines = await tx
      .select({ variantId: cartLines.variantId, quantity: cartLines.quantity })
      .from(cartLines)
      .where(eq(cartLines.cartId, guest.id));
    for (const line of guestLines) {
      const variant = await loadPurchasable(tx, line.variantId);
      if (!variant) continue;
      const limit = lineLimit(variant, currency);
      const [existing] = await tx
        .select({ id: cartLines.id, quantity: cartLines.quantity })
        .from(cartLines)
        .where(and(eq(cartLines.cartId, userCart.id), eq(cartLines.variantId, line.variantId)));
      const quantity = Math.min((existing?.quantity ?? 0) + line.quantity, limit);
      if (existing) {
        if (quantity > 0 && quantity !== existing.quantity) await tx.update(cartLines).set({ quantity }).where(eq(cartLines.id, existing.id));
      } else if (quantity > 0) {
        await tx.insert(cartLines).values({ cartId: userCart.id, variantId: line.variantId, quantity });
      }
    }
    await tx.update(carts).set({ status: 'merged', tokenHash: hashCartToken(newCartToken()) }).where(eq(carts.id, guest.id));
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, userCart.id));
  });
}

export type MarketMove = { from: { code: string; name: string; currency: string }; to: { code: string; name: string; currency: string } };

/**
 * Moves the request's cart to a market (the shopper chose it, or a shipping country of it): from now on every line is
 * priced in its currency. Null when there is no cart or it is already there.
 */
export async function moveCartToMarket(ref: CartRef, market: MarketView, executor: Executor = db): Promise<MarketMove | null> {
  const all = await getCachedMarkets();
  return executor.transaction(async (tx) => {
    const cart = await findActiveCart(tx, ref, { lock: true });
    if (!cart) return null;
    const from = marketOfCart(all, cart);
    if (from.id === market.id && cart.currency === market.currency) return null;
    await tx.update(carts).set({ marketId: market.id, currency: market.currency, updatedAt: new Date() }).where(eq(carts.id, cart.id));
    const describe = (m: MarketView) => ({ code: m.code, name: m.name, currency: m.currency });
    return { from: describe(from), to: describe(market) };
  });
}
