import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { auditLog, inventoryLedger, products, variants } from '@/db/schema';
import { ledgerSum, matrixProduct, staffActor, stockOf, uniqueSuffix } from '@/lib/admin/testing';
import { saveProduct, setProductsStatus } from '@/lib/catalog/products/service';
import { AppError } from '@/lib/errors';
import { bulkAdjustStockSchema } from './schemas';
import { adjustProductsStock } from './service';

afterAll(() => closeConnection());

async function variantStocks(productIds: string[]) {
  return db.select({ id: variants.id, stock: variants.stockOnHand }).from(variants).where(inArray(variants.productId, productIds)).orderBy(variants.id);
}

describe('bulk stock adjustment from the products list', () => {
  it('moves every variant of each chosen product by the same amount, one ledger row and one audit row per variant', async () => {
    const actor = await staffActor();
    const [a, b] = await Promise.all([0, 1].map(() => saveProduct(actor, matrixProduct(uniqueSuffix()))));
    const before = await variantStocks([a!.id, b!.id]);
    expect(before).toHaveLength(12);

    const result = await adjustProductsStock(actor, bulkAdjustStockSchema.parse({ ids: [a!.id, b!.id], delta: '4', reason: 'received', note: 'Pallet 7' }));
    expect(result.variants).toBe(12);
    expect(result.products.map((p) => p.id).sort()).toEqual([a!.id, b!.id].sort());

    for (const variant of before) {
      expect(await stockOf(variant.id)).toBe(variant.stock + 4);
      expect(await ledgerSum(variant.id)).toBe(variant.stock + 4);
      const ledger = await db.select().from(inventoryLedger).where(and(eq(inventoryLedger.variantId, variant.id), eq(inventoryLedger.reason, 'received')));
      expect(ledger).toMatchObject([{ delta: 4, note: 'Pallet 7', actorId: actor.user.id }]);
      const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, 'inventory.adjust'), eq(auditLog.entityId, variant.id)));
      expect(audits).toHaveLength(1);
      expect(audits[0]!.after).toMatchObject({ delta: 4, stockOnHand: variant.stock + 4, bulk: true });
    }
  });

  it('is all or nothing: one variant that would go below zero leaves every variant as it was and names the SKU', async () => {
    const actor = await staffActor();
    const suffix = uniqueSuffix();
    const [a, b] = await Promise.all([saveProduct(actor, matrixProduct(suffix)), saveProduct(actor, matrixProduct(uniqueSuffix()))]);
    const before = await variantStocks([a!.id, b!.id]);
    // matrixProduct's smallest stock is 1 (S / Red): -2 cannot apply there.
    const error = await adjustProductsStock(actor, bulkAdjustStockSchema.parse({ ids: [a!.id, b!.id], delta: '-2', reason: 'correction' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('conflict');
    expect((error as AppError).message).toContain(`MT-${suffix}-S-RED`.toUpperCase());
    expect(await variantStocks([a!.id, b!.id])).toEqual(before);
    for (const variant of before) expect(await ledgerSum(variant.id)).toBe(variant.stock);
  });

  it('refuses more than 100 products, a change of 0 and a direction its reason contradicts', () => {
    const ids = Array.from({ length: 101 }, () => crypto.randomUUID());
    expect(bulkAdjustStockSchema.safeParse({ ids, delta: '1', reason: 'received' }).success).toBe(false);
    expect(bulkAdjustStockSchema.safeParse({ ids: ids.slice(0, 2), delta: '0', reason: 'correction' }).success).toBe(false);
    expect(bulkAdjustStockSchema.safeParse({ ids: ids.slice(0, 2), delta: '3', reason: 'damaged' }).success).toBe(false);
    expect(bulkAdjustStockSchema.safeParse({ ids: ['not-a-uuid'], delta: '3', reason: 'received' }).success).toBe(false);
  });

  it('two bulk adjustments at once on overlapping products: each change applied exactly once, the ledger matches the stock', async () => {
    const actor = await staffActor();
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => saveProduct(actor, matrixProduct(uniqueSuffix()))));
    const before = new Map((await variantStocks([a!.id, b!.id, c!.id])).map((v) => [v.id, v.stock]));
    const bVariants = new Set((await variantStocks([b!.id])).map((v) => v.id));
    const aVariants = new Set((await variantStocks([a!.id])).map((v) => v.id));
    // Both runs touch b; one also touches a, the other c. Repeated so that the two really overlap in time.
    for (let round = 0; round < 3; round += 1) {
      await Promise.all([
        adjustProductsStock(actor, bulkAdjustStockSchema.parse({ ids: [a!.id, b!.id], delta: '5', reason: 'received' })),
        adjustProductsStock(actor, bulkAdjustStockSchema.parse({ ids: [c!.id, b!.id], delta: '2', reason: 'returned' })),
      ]);
    }
    for (const [variantId, stock] of before) {
      const expected = stock + (bVariants.has(variantId) ? 3 * (5 + 2) : aVariants.has(variantId) ? 3 * 5 : 3 * 2);
      expect(await stockOf(variantId), variantId).toBe(expected);
      expect(await ledgerSum(variantId), variantId).toBe(expected);
    }
  });

  it('two bulk archives at once on overlapping products: each product archived once, one audit row each', async () => {
    const actor = await staffActor();
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => saveProduct(actor, matrixProduct(uniqueSuffix()))));
    const [first, second] = await Promise.all([setProductsStatus(actor, [a!.id, b!.id], 'archived'), setProductsStatus(actor, [b!.id, c!.id], 'archived')]);
    const archivedIds = [...first!, ...second!].map((p) => p.id).sort();
    expect(archivedIds).toEqual([a!.id, b!.id, c!.id].sort());
    const rows = await db.select({ status: products.status }).from(products).where(inArray(products.id, [a!.id, b!.id, c!.id]));
    expect(rows.map((r) => r.status)).toEqual(['archived', 'archived', 'archived']);
    for (const id of [a!.id, b!.id, c!.id]) {
      const audits = await db.select({ after: auditLog.after }).from(auditLog).where(and(eq(auditLog.action, 'product.update'), eq(auditLog.entityId, id)));
      expect(audits.filter((row) => (row.after as { bulk?: boolean } | null)?.bulk)).toHaveLength(1);
    }
  });
});
