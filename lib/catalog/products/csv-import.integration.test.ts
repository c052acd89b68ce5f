import { eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { auditLog, markets, products, variantMarketPrices, variants } from '@/db/schema';
import { auditCount, ledgerSum, staffActor, uniqueSuffix } from '@/lib/admin/testing';
import { importProductsCsv } from './csv-import';
import { exportProductsCsv } from './csv-export';

afterAll(() => closeConnection());

const header = 'handle,title,description,status,vendor,featured,categories,option1_name,option1_value,option2_name,option2_value,sku,price,compare_at_price,stock,active';

function file(s: string, badPrice = '12.50') {
  return [
    header,
    `csv-zorblat-${s},CSV Zorblat ${s},"Soft, plain",active,Acme,false,,Size,S,Colour,Red,CSV-${s}-S-R,19.99,,5,true`,
    `csv-zorblat-${s},,,,,,,,S,,Blue,CSV-${s}-S-B,19.99,,3,true`,
    `csv-zorblat-${s},,,,,,,,M,,Red,CSV-${s}-M-R,${badPrice},,0,true`,
    `csv-mug-${s},CSV Mug ${s},,draft,,,,,,,,CSV-${s}-MUG,8,,2,`,
  ].join('\n');
}

async function productCount(s: string) {
  return db.$count(products, inArray(products.slug, [`csv-zorblat-${s}`, `csv-mug-${s}`]));
}

describe('product CSV import', () => {
  it('a dry run reports per-row errors and writes nothing', async () => {
    const actor = await staffActor();
    const s = uniqueSuffix();
    const audits = await db.$count(auditLog);
    const report = await importProductsCsv(actor, file(s, '12.5.0'), { dryRun: true });
    expect(report.applied).toBe(false);
    expect(report.errors).toEqual([{ row: 4, column: 'price', message: expect.stringMatching(/amount/) }]);
    expect(await productCount(s)).toBe(0);
    expect(await db.$count(auditLog)).toBe(audits);

    const clean = await importProductsCsv(actor, file(s), { dryRun: true });
    expect(clean.errors).toEqual([]);
    expect([clean.created, clean.updated, clean.variants]).toEqual([2, 0, 4]);
    expect(await productCount(s)).toBe(0);
  });

  it('an apply with one bad row writes nothing; the fixed file writes everything, then updates by handle and SKU', async () => {
    const actor = await staffActor();
    const s = uniqueSuffix();
    const bad = await importProductsCsv(actor, file(s, 'free'), { dryRun: false });
    expect(bad.applied).toBe(false);
    expect(bad.errors).toMatchObject([{ row: 4, column: 'price' }]);
    expect(await productCount(s)).toBe(0);
    expect(await db.$count(variants, eq(variants.sku, `CSV-${s}-S-R`.toUpperCase()))).toBe(0);

    const good = await importProductsCsv(actor, file(s), { dryRun: false });
    expect(good).toMatchObject({ applied: true, created: 2, updated: 0, variants: 4, errors: [] });
    const [tee] = await db.select().from(products).where(eq(products.slug, `csv-zorblat-${s}`));
    expect(tee).toMatchObject({ title: `CSV Zorblat ${s}`, description: 'Soft, plain', status: 'active', vendor: 'Acme', priceMinCents: 1250, priceMaxCents: 1999 });
    const teeVariants = await db.select().from(variants).where(eq(variants.productId, tee!.id));
    expect(teeVariants.map((v) => v.title).sort()).toEqual(['M / Red', 'S / Blue', 'S / Red']);
    for (const v of teeVariants) expect(await ledgerSum(v.id)).toBe(v.stockOnHand);
    expect(await auditCount('catalog.import')).toBeGreaterThan(0);
    expect(await auditCount('product.create', tee!.id)).toBe(1);

    // Same handle, same SKU: an update; an empty stock keeps what is there.
    const update = [header, `csv-zorblat-${s},CSV Zorblat renamed,,active,,,,Size,S,Colour,Red,CSV-${s}-S-R,21.00,25.00,,true`].join('\n');
    const updated = await importProductsCsv(actor, update, { dryRun: false });
    expect(updated).toMatchObject({ applied: true, created: 0, updated: 1 });
    const [after] = await db.select().from(products).where(eq(products.id, tee!.id));
    expect(after).toMatchObject({ title: 'CSV Zorblat renamed', priceMinCents: 2100, priceMaxCents: 2100 });
    const [sRed] = await db.select().from(variants).where(eq(variants.sku, `CSV-${s}-S-R`.toUpperCase()));
    expect(sRed).toMatchObject({ stockOnHand: 5, compareAtPriceCents: 2500, productId: tee!.id });
  });

  it('reports a missing column, unknown categories, duplicate SKUs and missing option values by row', async () => {
    const actor = await staffActor();
    const s = uniqueSuffix();
    await expect(importProductsCsv(actor, 'title,sku\nx,y', { dryRun: true })).rejects.toMatchObject({ message: expect.stringMatching(/handle, price/) });
    const csv = [
      header,
      `a-${s},A,,active,,,no-such-category-${s},Size,S,,,DUP-${s},1,,1,`,
      `a-${s},,,,,,,,,,,A-${s}-2,1,,1,`,
      `b-${s},B,,active,,,,,,,,DUP-${s},1,,1,`,
    ].join('\n');
    const report = await importProductsCsv(actor, csv, { dryRun: true });
    expect(report.errors.map((e) => [e.row, e.column])).toEqual(
      expect.arrayContaining([
        [2, 'categories'],
        [3, 'option1_value'],
        [4, 'sku'],
      ]),
    );
  });

  it('exports products in the import format, neutralising formulas', async () => {
    const actor = await staffActor();
    const s = uniqueSuffix();
    const csv = [header, `formula-${s},"=HYPERLINK(""http://evil.example"",""x"")",,active,,,,,,,,F-${s},5,,1,`].join('\n');
    expect((await importProductsCsv(actor, csv, { dryRun: false })).applied).toBe(true);
    const reader = (await exportProductsCsv()).getReader();
    let text = '';
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // keep the BOM, to check it is sent
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    const line = text.split('\r\n').find((l) => l.startsWith(`formula-${s},`));
    // Then one empty pair per other market's currency: no explicit price there.
    expect(line).toMatch(new RegExp(`^formula-${s},"'=HYPERLINK\\(""http://evil\\.example"",""x""\\)",,active,,false,,,,,,,,,,F-${s.toUpperCase()},5\\.00,,1,true(,,)+$`));
    const headerLine = text.split('\r\n')[0]!;
    expect(headerLine.startsWith('\uFEFFhandle,title,description,status,vendor,featured,categories,seo_title,seo_description,option1_name,option1_value,option2_name,option2_value,option3_name,option3_value,sku,price,compare_at_price,stock,active,')).toBe(true);
    expect(headerLine).toContain(',price_eur,compare_at_price_eur,');
    expect(headerLine).toContain(',price_gbp,compare_at_price_gbp');
    // Every seeded product is there (200 in the integration seed), one line per variant.
    expect(new Set(text.split('\r\n').slice(1).filter(Boolean).map((l) => l.split(',')[0])).size).toBeGreaterThanOrEqual(200);
  });

  it('sets, reports and clears explicit prices in other markets by their currency columns', async () => {
    const actor = await staffActor();
    const s = uniqueSuffix();
    const sku = `EUR-${s}`.toUpperCase();
    const euro = (price: string, compareAt = '') => [`${header},price_eur,compare_at_price_eur`, `eur-zorblat-${s},Euro zorblat ${s},,active,,,,,,,,${sku},20.00,,4,true,${price},${compareAt}`].join('\n');
    const explicitEur = async () =>
      db
        .select({ price: variantMarketPrices.priceCents, compareAt: variantMarketPrices.compareAtPriceCents, currency: variantMarketPrices.currency, market: markets.code })
        .from(variantMarketPrices)
        .innerJoin(variants, eq(variants.id, variantMarketPrices.variantId))
        .innerJoin(markets, eq(markets.id, variantMarketPrices.marketId))
        .where(eq(variants.sku, sku));

    // Refused by row and column, nothing written: more decimals than euros have, and a compare-at under the price.
    const bad = await importProductsCsv(actor, euro('17.999'), { dryRun: false });
    expect(bad.applied).toBe(false);
    expect(bad.errors).toEqual([expect.objectContaining({ row: 2, column: 'price_eur' })]);
    const under = await importProductsCsv(actor, euro('17.99', '15.00'), { dryRun: false });
    expect(under.errors).toEqual([expect.objectContaining({ row: 2, column: 'compare_at_price_eur', message: 'The compare-at price must be above the price, or empty.' })]);
    expect(await db.$count(variants, eq(variants.sku, sku))).toBe(0);
    // A currency no market sells in is a header error.
    const unknown = await importProductsCsv(actor, euro('17.99').replace('price_eur,compare_at_price_eur', 'price_xyz,compare_at_price_eur'), { dryRun: true });
    expect(unknown.errors[0]).toMatchObject({ row: 1, column: 'price_xyz', message: 'No market sells in XYZ: add one under Markets, or leave out price_xyz.' });

    // Set: the euro area's explicit price, audited like the admin's own edit; exported back in the same columns.
    expect((await importProductsCsv(actor, euro('17.99', '24.00'), { dryRun: false })).applied).toBe(true);
    expect(await explicitEur()).toEqual([{ price: 1799, compareAt: 2400, currency: 'EUR', market: 'eu' }]);
    const [variant] = await db.select({ id: variants.id }).from(variants).where(eq(variants.sku, sku));
    expect(await auditCount('market.price.set', variant!.id)).toBe(1);
    const [product] = await db.select({ id: products.id }).from(products).where(eq(products.slug, `eur-zorblat-${s}`));
    const reader = (await exportProductsCsv([product!.id])).getReader();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    const [head, row] = text.replace(/^\uFEFF/, '').split('\r\n');
    const columns = head!.split(',');
    const cells = row!.split(',');
    expect(cells[columns.indexOf('price_eur')]).toBe('17.99');
    expect(cells[columns.indexOf('compare_at_price_eur')]).toBe('24.00');
    expect(cells[columns.indexOf('price_gbp')]).toBe('');

    // An empty price: derived from the base price again. A file without the columns leaves prices alone.
    expect((await importProductsCsv(actor, euro('17.99', '24.00').replace(',price_eur,compare_at_price_eur', '').replace(',17.99,24.00', ''), { dryRun: false })).applied).toBe(true);
    expect(await explicitEur()).toHaveLength(1);
    expect((await importProductsCsv(actor, euro(''), { dryRun: false })).applied).toBe(true);
    expect(await explicitEur()).toEqual([]);
  });
});
