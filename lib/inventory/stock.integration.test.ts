import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { inventoryLedger, products, variants } from '@/db/schema';
import { moveStock } from './stock';

afterAll(() => closeConnection());

async function state(variantId: string, productId: string) {
  const [variant] = await db.select({ stock: variants.stockOnHand }).from(variants).where(eq(variants.id, variantId));
  const [ledger] = await db
    .select({ sum: sql<number>`coalesce(sum(${inventoryLedger.delta}), 0)::int`, rows: sql<number>`count(*)::int` })
    .from(inventoryLedger)
    .where(eq(inventoryLedger.variantId, variantId));
  const [product] = await db.select({ sales: products.salesCount }).from(products).where(eq(products.id, productId));
  return { stock: variant!.stock, ledgerSum: Number(ledger!.sum), ledgerRows: Number(ledger!.rows), sales: product!.sales };
}

describe('moveStock, the only writer of stock', () => {
  it('20 concurrent sales of one unit against stock 5: exactly 5 move, stock 0, five ledger rows, sales +5', async () => {
    const { product, variant } = await createTestVariant({ stock: 0 });
    // Opening stock goes through the ledger too, so the ledger always sums to what is on hand.
    await moveStock(db, { variantId: variant.id, delta: 5, reason: 'initial' });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => db.transaction((tx) => moveStock(tx, { variantId: variant.id, delta: -1, reason: 'order_placed', countsAsSale: true }))),
    );
    expect(results.filter(Boolean)).toHaveLength(5);
    expect(results.filter(Boolean).map((moved) => moved!.quantityAfter).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(await state(variant.id, product.id)).toEqual({ stock: 0, ledgerSum: 0, ledgerRows: 6, sales: 5 });
  });

  it('a move below zero changes nothing; a cancellation puts stock back and lowers sales, never below zero', async () => {
    const { product, variant } = await createTestVariant({ stock: 0 });
    await moveStock(db, { variantId: variant.id, delta: 2, reason: 'received', note: 'First delivery' });
    expect(await moveStock(db, { variantId: variant.id, delta: -3, reason: 'damaged' })).toBeNull();
    expect(await state(variant.id, product.id)).toEqual({ stock: 2, ledgerSum: 2, ledgerRows: 1, sales: 0 });
    const back = await moveStock(db, { variantId: variant.id, delta: 4, reason: 'order_cancelled', countsAsSale: true });
    expect(back).toMatchObject({ quantityAfter: 6, productId: product.id, sku: variant.sku });
    expect(await state(variant.id, product.id)).toEqual({ stock: 6, ledgerSum: 6, ledgerRows: 2, sales: 0 });
  });

  it('refuses a zero or fractional move and a missing variant', async () => {
    const { variant } = await createTestVariant({ stock: 3 });
    await expect(moveStock(db, { variantId: variant.id, delta: 0, reason: 'correction' })).rejects.toThrow(/non-zero integer/);
    await expect(moveStock(db, { variantId: variant.id, delta: 1.5, reason: 'correction' })).rejects.toThrow(/non-zero integer/);
    expect(await moveStock(db, { variantId: '00000000-0000-4000-8000-000000000000', delta: 1, reason: 'received' })).toBeNull();
  });
});
