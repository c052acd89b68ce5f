import 'server-only';
import { and, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import { db, type Executor, type Transaction } from '@/db/client';
import {
  categories,
  inventoryLedger,
  productCategories,
  productOptions,
  productOptionValues,
  products,
  variantOptionValues,
  variants,
} from '@/db/schema';
import { type AuditActor, recordAudit } from '@/lib/audit/service';
import { AppError, type FieldErrors } from '@/lib/errors';
import { moveStock } from '@/lib/inventory/stock';
import { MoneyError, parseMoney } from '@/lib/money';
import { getStoreInfo } from '@/lib/store/settings';
import { slugify } from '@/lib/catalog/slug';
import { uniqueSlug, variantTitle } from './matrix';
import type { ProductInput } from './schemas';
import { enqueueWebhookEvent } from '@/lib/webhooks/enqueue';

// Saving a product is one transaction: the product row, its categories, options and values, the variant matrix,
// stock changes through the inventory ledger (reason + actor), the denormalised price range, and the audit row.

export type SavedProduct = { id: string; slug: string; previousSlug: string | null; created: boolean };

type ParsedVariant = ProductInput['variants'][number] & { priceCents: number; compareAtPriceCents: number | null };

function parseAmounts(input: ProductInput, currency: string): ParsedVariant[] {
  const errors: FieldErrors = {};
  const parsed = input.variants.map((variant, i) => {
    const read = (text: string, field: string): number | null => {
      try {
        const { amountCents } = parseMoney(text, currency);
        if (amountCents < 0) throw new MoneyError('negative');
        if (amountCents > 100_000_000) throw new MoneyError('too large');
        return amountCents;
      } catch (error) {
        const message =
          error instanceof MoneyError && /decimal place/.test(error.message)
            ? error.message.replace(/^"[^"]*" has/, 'Has')
            : 'Enter an amount such as 19.99 (0 to 1,000,000).';
        (errors[`variants.${i}.${field}`] ??= []).push(message);
        return null;
      }
    };
    const priceCents = read(variant.price, 'price') ?? 0;
    const compareAtPriceCents = variant.compareAtPrice ? read(variant.compareAtPrice, 'compareAtPrice') : null;
    if (compareAtPriceCents !== null && compareAtPriceCents <= priceCents) {
      (errors[`variants.${i}.compareAtPrice`] ??= []).push('The compare-at price must be higher than the price.');
    }
    return { ...variant, priceCents, compareAtPriceCents };
  });
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', 'Please check the highlighted fields.', { fieldErrors: errors });
  return parsed;
}

async function pickSlug(tx: Transaction, input: ProductInput, productId: string | null): Promise<string> {
  const others = productId ? ne(products.id, productId) : undefined;
  if (input.slug) {
    const [clash] = await tx.select({ id: products.id }).from(products).where(and(eq(products.slug, input.slug), others)).limit(1);
    if (clash) throw new AppError('validation_failed', 'Please check the highlighted fields.', { fieldErrors: { slug: ['Another product already uses this slug.'] } });
    return input.slug;
  }
  const base = slugify(input.title) || 'product';
  const rows = await tx
    .select({ slug: products.slug })
    .from(products)
    .where(and(sql`(${products.slug} = ${base} or ${products.slug} ~ ${`^${base}-[0-9]+$`})`, others));
  return uniqueSlug(base, new Set(rows.map((r) => r.slug)));
}

/** Creates (no id) or replaces (id) a product with its whole variant matrix, inside the caller's transaction. */
export async function saveProductInTransaction(tx: Transaction, actor: AuditActor, input: ProductInput): Promise<SavedProduct> {
  const { currency } = await getStoreInfo(tx);
  const parsed = parseAmounts(input, currency);

  let before: typeof products.$inferSelect | undefined;
  if (input.id) {
    [before] = await tx.select().from(products).where(eq(products.id, input.id)).for('update');
    if (!before) throw new AppError('not_found', 'That product no longer exists.');
  }
  const productId = before?.id ?? null;
  const slug = await pickSlug(tx, input, productId);

  // A SKU belongs to one variant in the whole store.
  const skus = parsed.map((v) => v.sku);
  const skuOwners = await tx
    .select({ sku: variants.sku, productId: variants.productId, productTitle: products.title })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(inArray(variants.sku, skus));
  const skuErrors: FieldErrors = {};
  parsed.forEach((variant, i) => {
    const owner = skuOwners.find((row) => row.sku === variant.sku);
    if (owner && owner.productId !== productId) skuErrors[`variants.${i}.sku`] = [`SKU ${variant.sku} is already used by “${owner.productTitle}”: SKUs are unique in the store.`];
  });
  if (input.categoryIds.length > 0) {
    const found = await tx.select({ id: categories.id }).from(categories).where(inArray(categories.id, input.categoryIds));
    if (found.length !== new Set(input.categoryIds).size) skuErrors.categoryIds = ['One of the chosen categories no longer exists.'];
  }
  if (Object.keys(skuErrors).length > 0) throw new AppError('validation_failed', 'Please check the highlighted fields.', { fieldErrors: skuErrors });

  const now = new Date();
  const fields = {
    slug,
    title: input.title,
    description: input.description.replace(/\r\n/g, '\n'),
    status: input.status,
    vendor: input.vendor,
    featured: input.featured,
    ...(input.isGiftCard === undefined ? {} : { isGiftCard: input.isGiftCard }),
    ...(input.returnable === undefined ? {} : { returnable: input.returnable }),
    seoTitle: input.seoTitle,
    seoDescription: input.seoDescription,
    ...(input.skuPattern === undefined ? {} : { skuPattern: input.skuPattern || null }),
    publishedAt: input.status === 'active' ? (before?.publishedAt ?? now) : (before?.publishedAt ?? null),
    updatedAt: now,
  };
  let id: string;
  if (before) {
    await tx.update(products).set(fields).where(eq(products.id, before.id));
    id = before.id;
  } else {
    const [row] = await tx.insert(products).values(fields).returning({ id: products.id });
    id = row!.id;
  }

  // Categories: replaced as a set.
  await tx.delete(productCategories).where(eq(productCategories.productId, id));
  if (input.categoryIds.length > 0) {
    await tx.insert(productCategories).values([...new Set(input.categoryIds)].map((categoryId, position) => ({ productId: id, categoryId, position })));
  }

  // Options and values: kept by name (their ids anchor the variants' option tokens), removed when dropped.
  const existingOptions = await tx.select().from(productOptions).where(eq(productOptions.productId, id));
  const wantedNames = input.options.map((o) => o.name);
  const dropped = existingOptions.filter((o) => !wantedNames.includes(o.name)).map((o) => o.id);
  if (dropped.length > 0) await tx.delete(productOptions).where(inArray(productOptions.id, dropped));
  const valueIds: Map<string, string>[] = [];
  for (const [position, option] of input.options.entries()) {
    let optionId = existingOptions.find((o) => o.name === option.name)?.id;
    if (optionId) await tx.update(productOptions).set({ position }).where(eq(productOptions.id, optionId));
    else [{ id: optionId }] = (await tx.insert(productOptions).values({ productId: id, name: option.name, position }).returning({ id: productOptions.id })) as [{ id: string }];
    await tx.delete(productOptionValues).where(and(eq(productOptionValues.optionId, optionId), notInArray(productOptionValues.value, option.values)));
    const existingValues = await tx.select().from(productOptionValues).where(eq(productOptionValues.optionId, optionId));
    const ids = new Map<string, string>();
    for (const [valuePosition, value] of option.values.entries()) {
      let valueId = existingValues.find((v) => v.value === value)?.id;
      if (valueId) await tx.update(productOptionValues).set({ position: valuePosition }).where(eq(productOptionValues.id, valueId));
      else [{ id: valueId }] = (await tx.insert(productOptionValues).values({ optionId, value, position: valuePosition }).returning({ id: productOptionValues.id })) as [{ id: string }];
      ids.set(value, valueId);
    }
    valueIds.push(ids);
  }

  // Variants: matched by id, else by SKU; locked so a checkout cannot move their stock between read and write.
  const existingVariants = await tx
    .select({
      id: variants.id,
      sku: variants.sku,
      stockOnHand: variants.stockOnHand,
      priceCents: variants.priceCents,
      compareAtPriceCents: variants.compareAtPriceCents,
      isActive: variants.isActive,
    })
    .from(variants)
    .where(eq(variants.productId, id))
    .for('update');
  const kept = new Set<string>();
  const stockChanges: { sku: string; from: number; to: number }[] = [];
  // Park the SKUs of variants being kept first (a placeholder no SKU can match), so two variants can swap SKUs
  // within one save without tripping the unique index half-way.
  for (const [position, variant] of parsed.entries()) {
    const match = existingVariants.find((v) => v.id === variant.id) ?? existingVariants.find((v) => v.sku === variant.sku);
    if (match && kept.has(match.id)) throw new AppError('validation_failed', 'Please check the highlighted fields.', { fieldErrors: { [`variants.${position}.sku`]: ['This variant is listed twice.'] } });
    if (match) {
      kept.add(match.id);
      await tx.update(variants).set({ sku: `~${match.id}` }).where(eq(variants.id, match.id));
    }
  }
  for (const [position, variant] of parsed.entries()) {
    const match = existingVariants.find((v) => v.id === variant.id) ?? existingVariants.find((v) => v.sku === variant.sku);
    const row = {
      sku: variant.sku,
      title: variantTitle(variant.values),
      priceCents: variant.priceCents,
      compareAtPriceCents: variant.compareAtPriceCents,
      currency,
      position,
      isActive: variant.active,
      updatedAt: now,
    };
    let variantId: string;
    if (match) {
      variantId = match.id;
      await tx.update(variants).set(row).where(eq(variants.id, variantId));
      const target = variant.stockBefore === undefined ? variant.stock : match.stockOnHand + (variant.stock - variant.stockBefore);
      if (target < 0) {
        throw new AppError('validation_failed', 'Please check the highlighted fields.', {
          fieldErrors: { [`variants.${position}.stock`]: [`Only ${match.stockOnHand} on hand now (orders came in since this page was opened).`] },
        });
      }
      if (target !== match.stockOnHand) {
        await moveStock(tx, { variantId, delta: target - match.stockOnHand, reason: 'correction', actorId: actor.user.id, note: 'Set in the product editor' });
        stockChanges.push({ sku: variant.sku, from: match.stockOnHand, to: target });
      }
      await tx.delete(variantOptionValues).where(eq(variantOptionValues.variantId, variantId));
    } else {
      [{ id: variantId }] = (await tx.insert(variants).values({ ...row, productId: id, stockOnHand: 0 }).returning({ id: variants.id })) as [{ id: string }];
      if (variant.stock > 0) await moveStock(tx, { variantId, delta: variant.stock, reason: 'initial', actorId: actor.user.id, note: 'Opening stock' });
      stockChanges.push({ sku: variant.sku, from: 0, to: variant.stock });
    }
    if (variant.values.length > 0) {
      await tx.insert(variantOptionValues).values(variant.values.map((value, o) => ({ variantId, optionValueId: valueIds[o]!.get(value)! })));
    }
  }

  // Variants left out of the matrix: deleted when they have no stock history, else kept (history is never
  // destroyed) but deactivated and taken off sale.
  const leftOut = existingVariants.filter((v) => !kept.has(v.id));
  for (const variant of leftOut) {
    const [history] = await tx.select({ id: inventoryLedger.id }).from(inventoryLedger).where(eq(inventoryLedger.variantId, variant.id)).limit(1);
    if (history) await tx.update(variants).set({ isActive: false, updatedAt: now }).where(eq(variants.id, variant.id));
    else await tx.delete(variants).where(eq(variants.id, variant.id));
  }

  await refreshPriceRange(tx, id);

  // Each variant's price, compare-at price and availability by SKU, before and after: the audit log shows every one
  // that changed (a product's price range alone hides a compare-at change, or a price moved within the range).
  await recordAudit(tx, actor, {
    action: before ? 'product.update' : 'product.create',
    entityType: 'product',
    entityId: id,
    before: before
      ? {
          title: before.title,
          slug: before.slug,
          status: before.status,
          vendor: before.vendor,
          featured: before.featured,
          currency,
          variants: Object.fromEntries(
            existingVariants.map((v) => [v.sku, { priceCents: v.priceCents, compareAtPriceCents: v.compareAtPriceCents, active: v.isActive }]),
          ),
        }
      : null,
    after: {
      title: input.title,
      slug,
      status: input.status,
      vendor: input.vendor,
      featured: input.featured,
      ...(input.isGiftCard === undefined ? {} : { isGiftCard: input.isGiftCard }),
      ...(input.returnable === undefined ? {} : { returnable: input.returnable }),
      currency,
      variants: Object.fromEntries(
        parsed.map((v) => [v.sku, { priceCents: v.priceCents, compareAtPriceCents: v.compareAtPriceCents, active: v.active }]),
      ),
      ...(leftOut.length > 0 ? { removedVariants: leftOut.length } : {}),
      stockChanges,
    },
  });
  await enqueueWebhookEvent(tx, before ? 'product.updated' : 'product.created', { kind: 'product', id });
  return { id, slug, previousSlug: before && before.slug !== slug ? before.slug : null, created: !before };
}

/** priceMinCents/priceMaxCents from the product's active variants (null when none is on sale). */
export async function refreshPriceRange(tx: Executor, productId: string): Promise<void> {
  await tx.execute(sql`
    update ${products} set
      price_min_cents = (select min(price_cents) from ${variants} where product_id = ${productId} and is_active),
      price_max_cents = (select max(price_cents) from ${variants} where product_id = ${productId} and is_active)
    where id = ${productId}`);
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

export async function saveProduct(actor: AuditActor, input: ProductInput, database: typeof db = db): Promise<SavedProduct> {
  try {
    return await database.transaction((tx) => saveProductInTransaction(tx, actor, input));
  } catch (error) {
    // Two saves racing for the same slug or SKU: the unique index decides, the loser is told plainly.
    if (isUniqueViolation(error)) throw new AppError('conflict', 'Another change took this slug or SKU just now. Please try again.');
    throw error;
  }
}

/**
 * Archives (hides from the store) or publishes (shows) the given products in one transaction: each one not in that
 * status yet is changed, audited ("product.update" with its status before and after) and announced to webhooks.
 * Products already in that status and unknown ids are left alone; the rows are locked in id order, so two bulk runs
 * over the same products change and audit each product once. The products changed are answered (their slugs, for
 * the caller to invalidate).
 */
export async function setProductsStatus(
  actor: AuditActor,
  ids: readonly string[],
  status: 'active' | 'archived',
  database: typeof db = db,
): Promise<{ id: string; slug: string }[]> {
  return database.transaction(async (tx) => {
    const before = await tx
      .select({ id: products.id, slug: products.slug, title: products.title, status: products.status })
      .from(products)
      .where(and(inArray(products.id, [...ids]), ne(products.status, status)))
      .orderBy(products.id)
      .for('update');
    if (before.length === 0) return [];
    await tx
      .update(products)
      .set({ status, updatedAt: new Date() })
      .where(inArray(products.id, before.map((product) => product.id)));
    for (const product of before) {
      await recordAudit(tx, actor, {
        action: 'product.update',
        entityType: 'product',
        entityId: product.id,
        before: { title: product.title, status: product.status },
        after: { title: product.title, status, bulk: true },
      });
      await enqueueWebhookEvent(tx, 'product.updated', { kind: 'product', id: product.id });
    }
    return before.map(({ id, slug }) => ({ id, slug }));
  });
}
