import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { cartLines, carts, productImages, products, variants } from '@/db/schema';
import { AppError } from '@/lib/http/errors';
import { mediaUrl } from '@/lib/storage';
import { getStoreInfo } from '@/lib/store/settings';
import { type AddToCartInput, MAX_LINE_QUANTITY, type UpdateLineInput } from './schemas';
import type { CartLineView, CartRef, CartView } from './types';

// The cart domain: one service behind both the web actions and the Store API.
// Prices are never stored on a cart: every view is priced from the catalogue as it is now.

const CART_TTL_MS = 60 * 24 * 3600 * 1000;

/** A new opaque cart token (256 bits); only its SHA-256 is stored. */
export function newCartToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashCartToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

type CartRow = { id: string; currency: string };

/** The active cart a request refers to: the signed-in user's, else the guest token's (never another user's). */
export async function findActiveCart(executor: Executor, ref: CartRef, options: { lock?: boolean } = {}): Promise<CartRow | null> {
  let where;
  if (ref.userId) where = and(eq(carts.userId, ref.userId), eq(carts.status, 'active'));
  else if (ref.token) where = and(eq(carts.tokenHash, hashCartToken(ref.token)), eq(carts.status, 'active'), isNull(carts.userId));
  else return null;
  const query = executor.select({ id: carts.id, currency: carts.currency }).from(carts).where(where).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Creates the cart on first add. Returns the new guest token (null for a user's cart, which needs no cookie). */
async function createCart(executor: Executor, ref: CartRef): Promise<{ cart: CartRow; token: string | null }> {
  const store = await getStoreInfo(executor);
  const token = newCartToken();
  const [row] = await executor
    .insert(carts)
    .values({
      tokenHash: hashCartToken(token),
      userId: ref.userId ?? null,
      currency: store.currency,
      expiresAt: new Date(Date.now() + CART_TTL_MS),
    })
    // A user's second tab may have created their cart a moment ago (one active cart per user is unique).
    .onConflictDoNothing()
    .returning({ id: carts.id, currency: carts.currency });
  if (row) return { cart: row, token: ref.userId ? null : token };
  const existing = await findActiveCart(executor, ref, { lock: true });
  if (!existing) throw new Error('cart vanished after a conflicting insert');
  return { cart: existing, token: null };
}

type Purchasable = { stockOnHand: number; currency: string; isActive: boolean; productStatus: string };

/** How many of a variant this cart may hold now; 0 when it cannot be bought at all. */
function lineLimit(variant: Purchasable, cartCurrency: string): number {
  if (!variant.isActive || variant.productStatus !== 'active' || variant.currency !== cartCurrency) return 0;
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

export async function addCartLine(ref: CartRef, input: AddToCartInput, executor: Executor = db): Promise<AddLineResult> {
  const outcome = await executor.transaction(async (tx) => {
    // Lock order everywhere: cart, then variants (checkout does the same), so the two cannot deadlock.
    let cart = await findActiveCart(tx, ref, { lock: true });
    const variant = await loadPurchasable(tx, input.variantId);
    if (!variant || !variant.isActive || variant.productStatus !== 'active') throw notAvailable();
    let newToken: string | null = null;
    if (!cart) {
      if (variant.stockOnHand <= 0) throw tooMany(0, 0);
      ({ cart, token: newToken } = await createCart(tx, ref));
    }
    const limit = lineLimit(variant, cart.currency);
    if (limit === 0 && variant.currency !== cart.currency) throw notAvailable();

    const [existing] = await tx
      .select({ id: cartLines.id, quantity: cartLines.quantity })
      .from(cartLines)
      .where(and(eq(cartLines.cartId, cart.id), eq(cartLines.variantId, variant.id)));
    const quantity = (existing?.quantity ?? 0) + input.quantity;
    if (quantity > limit) throw tooMany(limit, existing?.quantity ?? 0);

    if (existing) await tx.update(cartLines).set({ quantity }).where(eq(cartLines.id, existing.id));
    else await tx.insert(cartLines).values({ cartId: cart.id, variantId: variant.id, quantity });
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cart.id));
    return { cartId: cart.id, quantity, newToken };
  });
  const cart = await getCartViewById(outcome.cartId, executor);
  return { cart: cart!, quantityInCart: outcome.quantity, newToken: outcome.newToken };
}

export async function updateCartLine(ref: CartRef, input: UpdateLineInput, executor: Executor = db): Promise<CartView> {
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
    const limit = variant ? lineLimit(variant, cart.currency) : 0;
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

/** Builds the priced view of a cart the caller has already resolved (and so is allowed to see). */
export async function getCartViewById(cartId: string, executor: Executor = db): Promise<CartView | null> {
  const [cart] = await executor.select({ id: carts.id, currency: carts.currency }).from(carts).where(eq(carts.id, cartId));
  if (!cart) return null;
  const rows = await executor
    .select({
      id: cartLines.id,
      variantId: variants.id,
      productId: products.id,
      productSlug: products.slug,
      productTitle: products.title,
      productStatus: products.status,
      variantTitle: variants.title,
      sku: variants.sku,
      priceCents: variants.priceCents,
      currency: variants.currency,
      stockOnHand: variants.stockOnHand,
      isActive: variants.isActive,
      quantity: cartLines.quantity,
    })
    .from(cartLines)
    .innerJoin(variants, eq(variants.id, cartLines.variantId))
    .innerJoin(products, eq(products.id, variants.productId))
    .where(eq(cartLines.cartId, cart.id))
    .orderBy(asc(cartLines.createdAt), asc(cartLines.id));
  const images = new Map<string, { storageKey: string; altText: string }>();
  if (rows.length > 0) {
    const imageRows = await executor
      .selectDistinctOn([productImages.productId], {
        productId: productImages.productId,
        storageKey: productImages.storageKey,
        altText: productImages.altText,
      })
      .from(productImages)
      .where(inArray(productImages.productId, [...new Set(rows.map((r) => r.productId))]))
      .orderBy(productImages.productId, asc(productImages.position));
    for (const image of imageRows) images.set(image.productId, image);
  }
  const lines = rows.map((row): CartLineView => {
    const maxQuantity = lineLimit(row, cart.currency);
    const problem = maxQuantity === 0 ? 'unavailable' : row.quantity > maxQuantity ? 'insufficient_stock' : null;
    const image = images.get(row.productId);
    return {
      id: row.id,
      variantId: row.variantId,
      productSlug: row.productSlug,
      productTitle: row.productTitle,
      variantTitle: row.variantTitle,
      sku: row.sku,
      imageUrl: image ? mediaUrl(image.storageKey) : null,
      imageAlt: image?.altText ?? '',
      unitPriceCents: row.priceCents,
      quantity: row.quantity,
      lineTotalCents: row.priceCents * row.quantity,
      maxQuantity,
      problem,
    };
  });
  return {
    id: cart.id,
    currency: cart.currency,
    lines,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotalCents: lines.filter((line) => line.problem === null).reduce((sum, line) => sum + line.lineTotalCents, 0),
    hasProblems: lines.some((line) => line.problem !== null),
  };
}

/** Store API: an explicit, empty cart for a client that wants its token before adding anything. */
export async function createEmptyCart(executor: Executor = db): Promise<{ cart: CartView; token: string }> {
  const { cart, token } = await createCart(executor, {});
  return { cart: (await getCartViewById(cart.id, executor))!, token: token! };
}
