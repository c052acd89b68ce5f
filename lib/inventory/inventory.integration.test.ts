import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { inventoryLedger, variants } from '@/db/schema';
import { saveProduct } from '@/lib/catalog/products/service';
import { auditCount, ledgerSum, matrixProduct, staffActor, stockOf, uniqueSuffix } from '@/lib/admin/testing';
import { getVariantHistory, listInventory } from './queries';
import { adjustStockSchema, inventoryQuerySchema, ledgerFilterSchema, setStockSchema } from './schemas';
import { adjustStock, setStock } from './service';

afterAll(() => closeConnection());

async function firstVariant(productId: string) {
  const [v] = await db.select({ id: variants.id, sku: variants.sku }).from(variants).where(and(eq(variants.productId, productId), eq(variants.title, 'M / Green')));
  return v!;
}

describe('stock adjustments', () => {
  it('never goes below zero under concurrent removals; the ledger sums to the stock', async () => {
    const actor = await staffActor();
    const saved = await saveProduct(actor, matrixProduct(uniqueSuffix()));
    const variant = await firstVariant(saved.id); // 6 on hand
    const auditsBefore = await auditCount('inventory.adjust', variant.id);

    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, () => adjustStock(actor, adjustStockSchema.parse({ variantId: variant.id, delta: -1, reason: 'damaged', note: 'dropped' }))),
    );
    const ok = attempts.filter((a) => a.status === 'fulfilled');
    const refused = attempts.filter((a) => a.status === 'rejected');
    expect(ok).toHaveLength(6);
    expect(refused).toHaveLength(4);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    expect(await stockOf(variant.id)).toBe(0);
    expect(await ledgerSum(variant.id)).toBe(0);
    expect(await auditCount('inventory.adjust', variant.id)).toBe(auditsBefore + 6);
    const damaged = await db.select().from(inventoryLedger).where(and(eq(inventoryLedger.variantId, variant.id), eq(inventoryLedger.reason, 'damaged')));
    expect(damaged).toHaveLength(6);
    expect(damaged.every((l) => l.actorId === actor.user.id && l.note === 'dropped')).toBe(true);
    expect(damaged.map((l) => l.quantityAfter).sort()).toEqual([0, 1, 2, 3, 4, 5]);

    await adjustStock(actor, adjustStockSchema.parse({ variantId: variant.id, delta: '12', reason: 'received' }));
    const history = await getVariantHistory(variant.id);
    expect(history!.variant.stockOnHand).toBe(12);
    expect(history!.entries[0]).toMatchObject({ delta: 12, quantityAfter: 12, reason: 'received', actorEmail: actor.user.email });
    // The date filter keeps the days asked for (UTC, both ends included).
    const today = new Date().toISOString().slice(0, 10);
    expect((await getVariantHistory(variant.id, ledgerFilterSchema.parse({ from: today, to: today })))!.entries).toHaveLength(history!.entries.length);
    expect((await getVariantHistory(variant.id, ledgerFilterSchema.parse({ to: '2000-01-01' })))!.entries).toHaveLength(0);
    expect(ledgerFilterSchema.parse({ from: 'yesterday' })).toEqual({ from: undefined, to: undefined });
  });

  it('"set to" twice at once: the stock is one of the two counts and the ledger explains it, change by change', async () => {
    const actor = await staffActor();
    const saved = await saveProduct(actor, matrixProduct(uniqueSuffix()));
    const variant = await firstVariant(saved.id); // 6 on hand
    const auditsBefore = await auditCount('inventory.set', variant.id);
    const [first, second] = await Promise.all([
      setStock(actor, setStockSchema.parse({ variantId: variant.id, quantity: '20', note: 'count A' })),
      setStock(actor, setStockSchema.parse({ variantId: variant.id, quantity: '3', note: 'count B' })),
    ]);
    const final = await stockOf(variant.id);
    expect([20, 3]).toContain(final);
    // Each change was worked out against the stock the other left, so none is lost: the ledger sums to the stock.
    expect(await ledgerSum(variant.id)).toBe(final);
    const corrections = await db
      .select({ delta: inventoryLedger.delta, quantityAfter: inventoryLedger.quantityAfter, note: inventoryLedger.note })
      .from(inventoryLedger)
      .where(and(eq(inventoryLedger.variantId, variant.id), eq(inventoryLedger.reason, 'correction')))
      .orderBy(inventoryLedger.id);
    expect(corrections).toHaveLength(2);
    expect(corrections.at(-1)!.quantityAfter).toBe(final);
    const [earlier, later] = final === 3 ? [first, second] : [second, first];
    expect(corrections.map((c) => c.delta)).toEqual([earlier.delta, later.delta]);
    expect(earlier.delta).toBe(earlier.stockOnHand - 6);
    expect(later.delta).toBe(later.stockOnHand - earlier.stockOnHand);
    expect(await auditCount('inventory.set', variant.id)).toBe(auditsBefore + 2);

    // Setting what is already there writes nothing.
    const same = await setStock(actor, setStockSchema.parse({ variantId: variant.id, quantity: final }));
    expect(same.delta).toBe(0);
    expect(await auditCount('inventory.set', variant.id)).toBe(auditsBefore + 2);
    expect(setStockSchema.safeParse({ variantId: variant.id, quantity: -1 }).success).toBe(false);
    await expect(setStock(actor, setStockSchema.parse({ variantId: '00000000-0000-4000-8000-000000000000', quantity: 1 }))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses changes that contradict their reason, and zero', () => {
    const variantId = '00000000-0000-4000-8000-000000000000';
    expect(adjustStockSchema.safeParse({ variantId, delta: -3, reason: 'received' }).success).toBe(false);
    expect(adjustStockSchema.safeParse({ variantId, delta: 3, reason: 'damaged' }).success).toBe(false);
    expect(adjustStockSchema.safeParse({ variantId, delta: 0, reason: 'correction' }).success).toBe(false);
    expect(adjustStockSchema.safeParse({ variantId, delta: '1.5', reason: 'correction' }).success).toBe(false);
  });

  it('lists low-stock variants at or below the store threshold', async () => {
    const actor = await staffActor();
    const suffix = uniqueSuffix();
    await saveProduct(actor, matrixProduct(suffix));
    const low = await listInventory(inventoryQuerySchema.parse({ q: `fixture ${suffix}`, low: '1' }));
    // Stocks 1..6 with the seeded threshold of 5.
    expect(low.threshold).toBe(5);
    expect(low.items.map((v) => v.stockOnHand)).toEqual([1, 2, 3, 4, 5]);
    const all = await listInventory(inventoryQuerySchema.parse({ q: `fixture ${suffix}` }));
    expect(all.total).toBe(6);
    // By SKU by default; by stock either way when asked; an unknown sort falls back to SKU.
    const skus = all.items.map((v) => v.sku);
    expect(skus).toEqual([...skus].sort());
    const byStockDesc = await listInventory(inventoryQuerySchema.parse({ q: `fixture ${suffix}`, sort: 'stock', dir: 'desc' }));
    expect(byStockDesc.items.map((v) => v.stockOnHand)).toEqual([6, 5, 4, 3, 2, 1]);
    const bogus = await listInventory(inventoryQuerySchema.parse({ q: `fixture ${suffix}`, sort: 'price; drop table', dir: 'sideways' }));
    expect(bogus.items.map((v) => v.sku)).toEqual(skus);
  });
});
