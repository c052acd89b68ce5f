import { asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { inventoryLedger, products, variants } from '@/db/schema';
import { getProductDetail } from '@/lib/catalog/product';
import { adjustStock } from '@/lib/inventory/service';
import { adjustStockSchema } from '@/lib/inventory/schemas';
import { AppError } from '@/lib/errors';
import { auditCount, ledgerSum, matrixProduct, staffActor, stockOf, uniqueSuffix } from '@/lib/admin/testing';
import { getProductForEdit, listAdminProducts, productListQuerySchema } from './queries';
import { bulkProductIdsSchema } from './schemas';
import { saveProduct, setProductsStatus } from './service';

afterAll(() => closeConnection());

async function variantsOf(productId: string) {
  return db.select().from(variants).where(eq(variants.productId, productId)).orderBy(asc(variants.position));
}

describe('bulk archive', () => {
  it('archives the chosen products in one go, each audited; one already archived is left alone; at most 100 ids', async () => {
    const actor = await staffActor();
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => saveProduct(actor, matrixProduct(uniqueSuffix()))));
    const first = await setProductsStatus(actor, [a!.id, b!.id], 'archived');
    expect(first.map((p) => p.id).sort()).toEqual([a!.id, b!.id].sort());
    const again = await setProductsStatus(actor, [b!.id, c!.id], 'archived');
    expect(again).toEqual([{ id: c!.id, slug: c!.slug }]);
    const statuses = await db.select({ id: products.id, status: products.status }).from(products).where(eq(products.id, b!.id));
    expect(statuses[0]!.status).toBe('archived');
    // b was archived once: the second call changed (and audited) only c.
    expect(await auditCount('product.update', b!.id)).toBe(1);
    expect(await auditCount('product.update', c!.id)).toBe(1);
    expect(await getProductDetail(a!.slug)).toBeNull();

    expect(bulkProductIdsSchema.parse({ ids: a!.id }).ids).toEqual([a!.id]);
    expect(bulkProductIdsSchema.safeParse({ ids: [] }).success).toBe(false);
    expect(bulkProductIdsSchema.safeParse({ ids: ['not-an-id'] }).success).toBe(false);
    expect(bulkProductIdsSchema.safeParse({ ids: Array.from({ length: 101 }, () => a!.id) }).success).toBe(false);
  });

  it('publishes drafts back into the store; two publishes at once over the same products change each one once', async () => {
    const actor = await staffActor();
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => saveProduct(actor, matrixProduct(uniqueSuffix(), { status: 'draft' }))));
    expect(await getProductDetail(a!.slug)).toBeNull();
    const [first, second] = await Promise.all([setProductsStatus(actor, [a!.id, b!.id], 'active'), setProductsStatus(actor, [b!.id, c!.id], 'active')]);
    // b is published by whichever run locked it first; the other finds it active already and leaves it.
    expect([...first, ...second].map((p) => p.id).sort()).toEqual([a!.id, b!.id, c!.id].sort());
    for (const product of [a!, b!, c!]) {
      expect(await auditCount('product.update', product.id), product.slug).toBe(1);
      expect((await getProductDetail(product.slug))?.id).toBe(product.id);
    }
  });
});

describe('product editor service', () => {
  it('saves a 2×3 variant matrix with prices, stock through the ledger, the price range and an audit row', async () => {
    const actor = await staffActor();
    const suffix = uniqueSuffix();
    const saved = await saveProduct(actor, matrixProduct(suffix));
    expect(saved.created).toBe(true);
    expect(saved.slug).toBe(`matrix-fixture-${suffix}`);

    const rows = await variantsOf(saved.id);
    expect(rows.map((v) => [v.title, v.priceCents, v.stockOnHand])).toEqual([
      ['S / Red', 2000, 1], ['S / Blue', 2010, 2], ['S / Green', 2020, 3],
      ['M / Red', 2100, 4], ['M / Blue', 2110, 5], ['M / Green', 2120, 6],
    ]);
    expect(rows[4]!.optionTokens).toEqual(['size=M', 'colour=Blue']);
    for (const v of rows) expect(await ledgerSum(v.id)).toBe(v.stockOnHand);
    const ledger = await db.select().from(inventoryLedger).where(eq(inventoryLedger.variantId, rows[0]!.id));
    expect(ledger).toMatchObject([{ reason: 'initial', actorId: actor.user.id, delta: 1 }]);
    const [product] = await db.select().from(products).where(eq(products.id, saved.id));
    expect([product!.priceMinCents, product!.priceMaxCents]).toEqual([2000, 2120]);
    expect(await auditCount('product.create', saved.id)).toBe(1);

    // The storefront sees it at once, with the description as plain text.
    const detail = await getProductDetail(saved.slug);
    expect(detail?.variants).toHaveLength(6);
    expect(detail?.description).toBe('Plain <b>text</b>');
  });

  it('updates the matrix: changed stock is a ledger correction, dropped values leave the matrix, prices re-range', async () => {
    const actor = await staffActor();
    const suffix = uniqueSuffix();
    const input = matrixProduct(suffix);
    const saved = await saveProduct(actor, input);
    const before = await getProductForEdit(saved.id);

    const colours = ['Red', 'Blue'];
    const kept = before!.variants.filter((v) => colours.includes(v.values[1]!));
    await saveProduct(actor, {
      ...input,
      id: saved.id,
      slug: saved.slug,
      options: [{ name: 'Size', values: ['S', 'M'] }, { name: 'Colour', values: colours }],
      variants: kept.map((v) => ({
        id: v.id,
        values: v.values,
        sku: v.sku,
        price: v.sku.endsWith('M-BLUE') ? '30.00' : '15.50',
        compareAtPrice: '',
        stock: v.sku.endsWith('S-RED') ? 10 : v.stock,
        active: true,
      })),
    });

    const rows = await variantsOf(saved.id);
    const active = rows.filter((v) => v.isActive);
    expect(active.map((v) => v.title).sort()).toEqual(['M / Blue', 'M / Red', 'S / Blue', 'S / Red']);
    // Green variants had opening stock, so their history keeps them — off sale, not deleted.
    expect(rows.filter((v) => !v.isActive).map((v) => v.title).sort()).toEqual(['M / Green', 'S / Green']);
    const sRed = rows.find((v) => v.title === 'S / Red')!;
    expect(sRed.stockOnHand).toBe(10);
    expect(await ledgerSum(sRed.id)).toBe(10);
    const corrections = await db.select().from(inventoryLedger).where(eq(inventoryLedger.variantId, sRed.id)).orderBy(asc(inventoryLedger.id));
    expect(corrections.map((l) => [l.reason, l.delta, l.quantityAfter])).toEqual([['initial', 1, 1], ['correction', 9, 10]]);
    for (const v of rows) expect(await ledgerSum(v.id)).toBe(await stockOf(v.id));
    const [product] = await db.select().from(products).where(eq(products.id, saved.id));
    expect([product!.priceMinCents, product!.priceMaxCents]).toEqual([1550, 3000]);
    expect(await auditCount('product.update', saved.id)).toBe(1);
  });

  it('applies only the stock change made in the editor, so sales since the page was opened are not undone', async () => {
    const actor = await staffActor();
    const input = matrixProduct(uniqueSuffix());
    const saved = await saveProduct(actor, input);
    const loaded = (await getProductForEdit(saved.id))!;
    const mGreen = loaded.variants.find((v) => v.sku.endsWith('M-GREEN'))!; // 6 on hand when the page opened
    const mBlue = loaded.variants.find((v) => v.sku.endsWith('M-BLUE'))!; // 5
    // Meanwhile two units of each sell (any decrement will do).
    await adjustStock(actor, adjustStockSchema.parse({ variantId: mGreen.id, delta: -2, reason: 'correction' }));
    await adjustStock(actor, adjustStockSchema.parse({ variantId: mBlue.id, delta: -2, reason: 'correction' }));

    await saveProduct(actor, {
      ...input,
      id: saved.id,
      slug: saved.slug,
      variants: loaded.variants.map((v) => ({
        id: v.id,
        values: v.values,
        sku: v.sku,
        price: '20.00',
        compareAtPrice: '',
        // M / Blue untouched in the editor; M / Green raised from 6 to 10 (+4).
        stock: v.id === mGreen.id ? 10 : v.stock,
        stockBefore: v.stock,
        active: true,
      })),
    });
    expect(await stockOf(mBlue.id)).toBe(3);
    expect(await stockOf(mGreen.id)).toBe(8);
    expect(await ledgerSum(mGreen.id)).toBe(8);
  });

  it('makes slugs unique with a suffix, and refuses a typed slug that is taken', async () => {
    const actor = await staffActor();
    const suffix = uniqueSuffix();
    const title = `Same name ${suffix}`;
    const one = await saveProduct(actor, matrixProduct(`${suffix}a`, { title }));
    const two = await saveProduct(actor, matrixProduct(`${suffix}b`, { title }));
    expect([one.slug, two.slug]).toEqual([`same-name-${suffix}`, `same-name-${suffix}-2`]);

    const clash = saveProduct(actor, matrixProduct(`${suffix}c`, { title: 'Other', slug: one.slug }));
    await expect(clash).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { slug: ['Another product already uses this slug.'] } });
  });

  it('refuses bad amounts and another product’s SKU with field errors, writing nothing', async () => {
    const actor = await staffActor();
    const suffix = uniqueSuffix();
    const first = await saveProduct(actor, matrixProduct(suffix));
    const countBefore = await db.$count(products);
    const auditsBefore = await auditCount('product.create');

    const input = matrixProduct(`${suffix}x`);
    input.variants[0]!.price = '12.345';
    input.variants[1]!.compareAtPrice = '1.00';
    input.variants[2]!.sku = `MT-${suffix}-S-RED`.toUpperCase();
    const error = (await saveProduct(actor, input).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['variants.0.price', 'variants.1.compareAtPrice']);

    input.variants[0]!.price = '12.34';
    input.variants[1]!.compareAtPrice = '';
    await expect(saveProduct(actor, input)).rejects.toMatchObject({ fieldErrors: { 'variants.2.sku': [expect.stringContaining('is already used by')] } });
    expect(await db.$count(products)).toBe(countBefore);
    expect(await auditCount('product.create')).toBe(auditsBefore);
    expect((await variantsOf(first.id)).length).toBe(6);
  });

  it('lists products by title or exact SKU, with status filter', async () => {
    const actor = await staffActor();
    const suffix = uniqueSuffix();
    const saved = await saveProduct(actor, matrixProduct(suffix, { status: 'draft' }));
    const byTitle = await listAdminProducts(productListQuerySchema.parse({ q: `fixture ${suffix}` }));
    expect(byTitle.items.map((p) => p.id)).toEqual([saved.id]);
    expect(byTitle.items[0]).toMatchObject({ variantCount: 6, stockTotal: 21 });
    const bySku = await listAdminProducts(productListQuerySchema.parse({ q: `mt-${suffix}-m-blue` }));
    expect(bySku.items.map((p) => p.id)).toEqual([saved.id]);
    expect((await listAdminProducts(productListQuerySchema.parse({ q: `fixture ${suffix}`, status: 'active' }))).total).toBe(0);
  });
});
