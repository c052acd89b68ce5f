import 'server-only';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '@/db/client';
import { inventoryLedger, products, storeSettings, users, variants } from '@/db/schema';
import { type AuditActor, recordAudit } from '@/lib/admin/audit';
import { AppError } from '@/lib/http/errors';

// Stock adjustments by staff: one transaction holding a conditional update (stock never goes below zero, whatever
// runs concurrently), its ledger row (reason, note, actor) and its audit row.

export const adjustmentReasons = ['received', 'damaged', 'correction', 'returned'] as const;
export type AdjustmentReason = (typeof adjustmentReasons)[number];

export const adjustStockSchema = z
  .object({
    variantId: z.uuid(),
    delta: z.coerce
      .number({ error: 'Enter a whole number, e.g. 5 or -2.' })
      .int('Enter a whole number, e.g. 5 or -2.')
      .min(-1_000_000)
      .max(1_000_000)
      .refine((n) => n !== 0, 'Enter a change other than 0.'),
    reason: z.enum(adjustmentReasons, { error: 'Choose a reason.' }),
    note: z.string().trim().max(500, 'At most 500 characters.').optional().default(''),
  })
  .superRefine((input, ctx) => {
    if ((input.reason === 'received' || input.reason === 'returned') && input.delta < 0) {
      ctx.addIssue({ code: 'custom', path: ['delta'], message: 'Received and returned stock adds to the count: enter a positive number.' });
    }
    if (input.reason === 'damaged' && input.delta > 0) {
      ctx.addIssue({ code: 'custom', path: ['delta'], message: 'Damaged stock leaves the count: enter a negative number.' });
    }
  });
export type AdjustStockInput = z.infer<typeof adjustStockSchema>;

export async function adjustStock(actor: AuditActor, input: AdjustStockInput): Promise<{ stockOnHand: number; slug: string }> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(variants)
      .set({ stockOnHand: sql`${variants.stockOnHand} + ${input.delta}`, updatedAt: new Date() })
      .where(and(eq(variants.id, input.variantId), sql`${variants.stockOnHand} + ${input.delta} >= 0`))
      .returning({ stockOnHand: variants.stockOnHand, productId: variants.productId, sku: variants.sku });
    if (!updated) {
      const [current] = await tx.select({ stockOnHand: variants.stockOnHand }).from(variants).where(eq(variants.id, input.variantId));
      if (!current) throw new AppError('not_found', 'That variant no longer exists.');
      throw new AppError('conflict', `Stock cannot go below zero: ${current.stockOnHand} on hand.`, {
        fieldErrors: { delta: [`Only ${current.stockOnHand} on hand.`] },
      });
    }
    await tx.insert(inventoryLedger).values({
      variantId: input.variantId,
      delta: input.delta,
      quantityAfter: updated.stockOnHand,
      reason: input.reason,
      actorId: actor.user.id,
      note: input.note || null,
    });
    await recordAudit(tx, actor, {
      action: 'inventory.adjust',
      entityType: 'variant',
      entityId: input.variantId,
      before: { sku: updated.sku, stockOnHand: updated.stockOnHand - input.delta },
      after: { sku: updated.sku, stockOnHand: updated.stockOnHand, delta: input.delta, reason: input.reason, note: input.note || null },
    });
    const [product] = await tx.select({ slug: products.slug }).from(products).where(eq(products.id, updated.productId));
    return { stockOnHand: updated.stockOnHand, slug: product!.slug };
  });
}

export const inventoryQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  low: z.enum(['1']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type InventoryQuery = z.infer<typeof inventoryQuerySchema>;

export const INVENTORY_PAGE_SIZE = 50;

export async function getLowStockThreshold(executor: Executor = db): Promise<number> {
  const [row] = await executor.select({ n: storeSettings.lowStockThreshold }).from(storeSettings).where(eq(storeSettings.id, 1));
  return row?.n ?? 5;
}

export type InventoryRow = { variantId: string; sku: string; variantTitle: string; productId: string; productTitle: string; stockOnHand: number; isActive: boolean };

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
      .orderBy(...(query.low ? [asc(variants.stockOnHand), asc(variants.sku)] : [asc(variants.sku)]))
      .limit(INVENTORY_PAGE_SIZE)
      .offset((query.page - 1) * INVENTORY_PAGE_SIZE),
    executor.select({ n: sql<number>`count(*)::int` }).from(variants).where(where),
  ]);
  return { items: rows as InventoryRow[], total: total?.n ?? 0, threshold, page: query.page, pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / INVENTORY_PAGE_SIZE)) };
}

export type LedgerEntryView = { id: number; delta: number; quantityAfter: number; reason: string; note: string | null; actorEmail: string | null; orderId: string | null; createdAt: Date };

export async function getVariantHistory(variantId: string, executor: Executor = db) {
  const [variant] = await executor
    .select({ id: variants.id, sku: variants.sku, title: variants.title, stockOnHand: variants.stockOnHand, productId: products.id, productTitle: products.title })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(eq(variants.id, variantId));
  if (!variant) return null;
  const entries: LedgerEntryView[] = await executor
    .select({
      id: inventoryLedger.id,
      delta: inventoryLedger.delta,
      quantityAfter: inventoryLedger.quantityAfter,
      reason: inventoryLedger.reason,
      note: inventoryLedger.note,
      actorEmail: users.email,
      orderId: inventoryLedger.orderId,
      createdAt: inventoryLedger.createdAt,
    })
    .from(inventoryLedger)
    .leftJoin(users, eq(users.id, inventoryLedger.actorId))
    .where(eq(inventoryLedger.variantId, variantId))
    .orderBy(desc(inventoryLedger.createdAt), desc(inventoryLedger.id))
    .limit(200);
  return { variant, entries };
}
