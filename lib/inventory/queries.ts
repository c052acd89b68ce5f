import 'server-only';
import { and, asc, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { inventoryLedger, productImages, productImageVariants, products, storeSettings, users, variants } from '@/db/schema';
import { mediaUrl } from '@/lib/storage';
import { type InventoryQuery, inventorySort, type LedgerFilter } from './schemas';

export const INVENTORY_PAGE_SIZE = 50;

export async function getLowStockThreshold(executor: Executor = db): Promise<number> {
  const [row] = await executor.select({ n: storeSettings.lowStockThreshold }).from(storeSettings).where(eq(storeSettings.id, 1));
  return row?.n ?? 5;
}

export type InventoryRow = {
  variantId: string;
  sku: string;
  variantTitle: string;
  productId: string;
  productTitle: string;
  stockOnHand: number;
  isActive: boolean;
  /** The variant's own first image, else the product's first; null without images. */
  thumbnailUrl: string | null;
};

export async function listInventory(query: InventoryQuery, executor: Executor = db) {
  const threshold = await getLowStockThreshold(executor);
  const conditions: SQL[] = [];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(${variants.sku} = ${query.q.toUpperCase()} or ${variants.productId} = any(array(select id from ${products} where title ilike ${pattern})))`);
  }
  // Low stock: at or below the store's threshold, sold-out included; only what is on sale.
  if (query.low) conditions.push(sql`${variants.stockOnHand} <= ${threshold} and ${variants.isActive}`);
  const where = conditions.length ? and(...conditions) : undefined;
  const sort = inventorySort(query);
  const column = { sku: sql`${variants.sku}`, product: sql`lower(${products.title})`, stock: sql`${variants.stockOnHand}` }[sort.key];
  // Ties in a stable order (SKUs are unique), so paging never repeats or skips a variant.
  const order = sort.dir === 'asc' ? [sql`${column} asc`, asc(variants.sku)] : [sql`${column} desc`, desc(variants.sku)];
  const [rows, [total]] = await Promise.all([
    executor
      .select({
        variantId: variants.id,
        sku: variants.sku,
        variantTitle: variants.title,
        productId: products.id,
        productTitle: products.title,
        stockOnHand: variants.stockOnHand,
        isActive: variants.isActive,
      })
      .from(variants)
      .innerJoin(products, eq(products.id, variants.productId))
      .where(where)
      .orderBy(...order)
      .limit(INVENTORY_PAGE_SIZE)
      .offset((query.page - 1) * INVENTORY_PAGE_SIZE),
    executor.select({ n: sql<number>`count(*)::int` }).from(variants).where(where),
  ]);
  const thumbnails = await variantThumbnails(rows, executor);
  const items: InventoryRow[] = rows.map((row) => ({ ...row, thumbnailUrl: thumbnails.get(row.variantId) ?? null }));
  return { items, total: total?.n ?? 0, threshold, page: query.page, pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / INVENTORY_PAGE_SIZE)) };
}

/** Each variant's first image of its own (by position), else its product's first: one statement for the page. */
async function variantThumbnails(rows: { variantId: string; productId: string }[], executor: Executor): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const productIds = [...new Set(rows.map((row) => row.productId))];
  const images = await executor
    .select({ productId: productImages.productId, storageKey: productImages.storageKey, variantIds: sql<string[]>`coalesce(array_agg(${productImageVariants.variantId}) filter (where ${productImageVariants.variantId} is not null), '{}')` })
    .from(productImages)
    .leftJoin(productImageVariants, eq(productImageVariants.imageId, productImages.id))
    .where(inArray(productImages.productId, productIds))
    .groupBy(productImages.id)
    .orderBy(asc(productImages.position), asc(productImages.id));
  const result = new Map<string, string>();
  for (const row of rows) {
    const own = images.find((image) => image.productId === row.productId && image.variantIds.includes(row.variantId));
    const first = own ?? images.find((image) => image.productId === row.productId);
    if (first) result.set(row.variantId, mediaUrl(first.storageKey));
  }
  return result;
}

export type LedgerEntryView = { id: number; delta: number; quantityAfter: number; reason: string; note: string | null; actorEmail: string | null; orderId: string | null; createdAt: Date };

/** A ledger entry as staff read it (join users on the actor for actorEmail). */
export const ledgerEntryColumns = {
  id: inventoryLedger.id,
  delta: inventoryLedger.delta,
  quantityAfter: inventoryLedger.quantityAfter,
  reason: inventoryLedger.reason,
  note: inventoryLedger.note,
  actorEmail: users.email,
  orderId: inventoryLedger.orderId,
  createdAt: inventoryLedger.createdAt,
};

/** The variant and its latest 200 stock movements, newest first; `filter` keeps those on or between two UTC days. */
export async function getVariantHistory(variantId: string, filter: LedgerFilter = {}, executor: Executor = db) {
  const [variant] = await executor
    .select({ id: variants.id, sku: variants.sku, title: variants.title, stockOnHand: variants.stockOnHand, productId: products.id, productTitle: products.title })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(eq(variants.id, variantId));
  if (!variant) return null;
  const entries: LedgerEntryView[] = await executor
    .select(ledgerEntryColumns)
    .from(inventoryLedger)
    .leftJoin(users, eq(users.id, inventoryLedger.actorId))
    .where(
      and(
        eq(inventoryLedger.variantId, variantId),
        filter.from ? gte(inventoryLedger.createdAt, new Date(`${filter.from}T00:00:00Z`)) : undefined,
        // Up to the end of the "to" day.
        filter.to ? lt(inventoryLedger.createdAt, new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000)) : undefined,
      ),
    )
    .orderBy(desc(inventoryLedger.createdAt), desc(inventoryLedger.id))
    .limit(200);
  return { variant, entries };
}
