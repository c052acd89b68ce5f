import 'server-only';
import { and, asc, desc, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '@/db/client';
import { inventoryLedger, inventoryReasons, products, users, variants } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { CURSOR_LIMIT_MAX } from '@/lib/pagination';
import { getLowStockThreshold, ledgerEntryColumns } from './queries';

// Stock as the Admin API (and the inventory.* webhooks) present it: a level per variant and its ledger.

export const inventoryLevelSchema = z.object({
  variantId: z.uuid(),
  sku: z.string(),
  productId: z.uuid(),
  productTitle: z.string(),
  variantTitle: z.string(),
  stockOnHand: z.number().int().min(0),
  lowStockThreshold: z.number().int().min(0).describe("The store's threshold: at or below it the level is low"),
  active: z.boolean(),
});
export type InventoryLevel = z.infer<typeof inventoryLevelSchema>;

export const ledgerEntrySchema = z.object({
  id: z.number().int(),
  delta: z.number().int(),
  quantityAfter: z.number().int().min(0),
  reason: z.enum(inventoryReasons),
  note: z.string().nullable(),
  actorEmail: z.string().nullable().describe('The staff member who made a manual change; null for orders and API keys (the audit log names the key)'),
  orderId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

const levelColumns = {
  variantId: variants.id,
  sku: variants.sku,
  productId: products.id,
  productTitle: products.title,
  variantTitle: variants.title,
  stockOnHand: variants.stockOnHand,
  active: variants.isActive,
};

export async function getInventoryLevel(variantId: string, executor: Executor = db): Promise<InventoryLevel | null> {
  const [row] = await executor.select(levelColumns).from(variants).innerJoin(products, eq(products.id, variants.productId)).where(eq(variants.id, variantId));
  return row ? { ...row, lowStockThreshold: await getLowStockThreshold(executor) } : null;
}

export async function getInventoryLevelOrThrow(variantId: string, executor: Executor = db): Promise<InventoryLevel> {
  const level = await getInventoryLevel(variantId, executor);
  if (!level) throw new AppError('not_found', 'No variant with this id.');
  return level;
}

export const inventoryLevelQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(CURSOR_LIMIT_MAX).default(50),
  cursor: z.string().max(200).optional().describe('The SKU after which to continue (nextCursor of the previous page)'),
  sku: z.string().trim().toUpperCase().max(64).optional(),
  low: z.enum(['true', 'false']).optional().describe('Only levels at or below the low-stock threshold'),
});

/** Levels in SKU order; the cursor is the last SKU (unique in the store). */
export async function listInventoryLevels(query: z.infer<typeof inventoryLevelQuerySchema>, executor: Executor = db): Promise<{ data: InventoryLevel[]; nextCursor: string | null }> {
  const threshold = await getLowStockThreshold(executor);
  const conditions: SQL[] = [];
  if (query.sku) conditions.push(eq(variants.sku, query.sku));
  if (query.low === 'true') conditions.push(sql`${variants.stockOnHand} <= ${threshold}`);
  if (query.cursor) conditions.push(gt(variants.sku, query.cursor));
  const rows = await executor
    .select(levelColumns)
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(variants.sku))
    .limit(query.limit + 1);
  const data = rows.slice(0, query.limit).map((row) => ({ ...row, lowStockThreshold: threshold }));
  return { data, nextCursor: rows.length > query.limit ? (data.at(-1)?.sku ?? null) : null };
}

export const ledgerQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(CURSOR_LIMIT_MAX).default(50),
  cursor: z.coerce.number().int().min(1).optional().describe('The entry id after which to continue, newest first (nextCursor of the previous page)'),
});

/** A variant's ledger, newest first; the cursor is the last entry's id (ids only grow). */
export async function listLedger(variantId: string, query: z.infer<typeof ledgerQuerySchema>, executor: Executor = db): Promise<{ data: LedgerEntry[]; nextCursor: string | null }> {
  await getInventoryLevelOrThrow(variantId, executor);
  const rows = await executor
    .select(ledgerEntryColumns)
    .from(inventoryLedger)
    .leftJoin(users, eq(users.id, inventoryLedger.actorId))
    .where(and(eq(inventoryLedger.variantId, variantId), query.cursor ? lt(inventoryLedger.id, query.cursor) : undefined))
    .orderBy(desc(inventoryLedger.id))
    .limit(query.limit + 1);
  const data = rows.slice(0, query.limit).map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  return { data, nextCursor: rows.length > query.limit ? String(data.at(-1)!.id) : null };
}
