import { randomBytes } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { products, variants } from '@/db/schema';
import { auditCount, staffActor } from '@/lib/admin/testing';
import { getCachedSearchVocabulary, invalidateSearchSynonyms, searchCatalogCached } from './cache';
import { catalogQuerySchema } from './schemas';
import { searchCatalog } from './search';
import { createSynonymGroup, deleteSynonymGroup } from './synonyms/service';
import { getCachedMarkets } from '@/lib/markets/cache';
import { defaultMarket } from '@/lib/markets/queries';

const defaultMarketNow = async () => defaultMarket(await getCachedMarkets());

// How search reads what shoppers type, against the seeded catalogue plus a few products of its own (made-up words,
// so no other test's query can meet them): edit distance by word length, stems, spellings, synonyms and ranking.

const DAY_MS = 86_400_000;
const created: string[] = [];

async function addProduct(title: string, salesCount: number, ageDays: number): Promise<string> {
  const suffix = randomBytes(4).toString('hex');
  const [product] = await db
    .insert(products)
    .values({
      slug: `matching-${suffix}`,
      title,
      status: 'active',
      priceMinCents: 1500,
      priceMaxCents: 1500,
      salesCount,
      publishedAt: new Date(),
      createdAt: new Date(Date.now() - ageDays * DAY_MS),
    })
    .returning({ id: products.id });
  await db.insert(variants).values({ productId: product!.id, sku: `MATCH-${suffix}`.toUpperCase(), title: 'Default', priceCents: 1500, currency: 'USD', stockOnHand: 5 });
  created.push(product!.id);
  return product!.id;
}

const titles = (result: { items: { title: string }[] }) => result.items.map((item) => item.title);

let popular: string;
let newer: string;
let older: string;

beforeAll(async () => {
  // Three lanterns: equal relevance, so sales decide, then recency.
  older = await addProduct('Quokkaline Lantern Older', 40, 30);
  newer = await addProduct('Quokkaline Lantern Newer', 40, 2);
  popular = await addProduct('Quokkaline Lantern Popular', 90, 60);
});

afterAll(async () => {
  if (created.length > 0) await db.delete(products).where(inArray(products.id, created));
});

describe('search matching', () => {
  it('ranks equal matches by sales, then by recency', async () => {
    const result = await searchCatalog({ q: 'quokkaline lantern' });
    expect(result.items.map((item) => item.id)).toEqual([popular, newer, older]);
  });

  it('corrects a misspelt word of 5+ letters by one edit (a transposition is one), and says so', async () => {
    for (const q of ['jakcet', 'jackt', 'jacekt']) {
      const result = await searchCatalog({ q });
      expect(result.total, q).toBeGreaterThan(0);
      expect(titles(result).every((title) => /jacket/i.test(title)), q).toBe(true);
      expect(result.search?.correctedQuery, q).toBe('jacket');
    }
    expect(titles(await searchCatalog({ q: 'lantren' }))).toHaveLength(3);
  });

  it('allows two edits from 9 letters, but not on shorter words', async () => {
    // "kettelbel": a transposition and a dropped letter in a 10-letter word.
    expect(titles(await searchCatalog({ q: 'kettelbel' })).every((title) => /kettlebell/i.test(title))).toBe(true);
    expect((await searchCatalog({ q: 'kettelbel' })).total).toBeGreaterThan(0);
    // "qoukklaine": 10 letters, two edits from "quokkaline".
    expect((await searchCatalog({ q: 'qoukklaine' })).total).toBe(3);
    // "lnatren": two edits in a 7-letter word matches nothing, and offers the nearest catalogue word instead.
    const twoEdits = await searchCatalog({ q: 'lnatren' });
    expect(twoEdits.total).toBe(0);
    expect(twoEdits.search?.didYouMean).toBe('lantern');
  });

  it('never corrects a word under 5 letters, and never a word the catalogue knows ("boot" is not "book")', async () => {
    const bkot = await searchCatalog({ q: 'bkot' });
    expect(bkot.total).toBe(0);
    expect(bkot.search?.didYouMean).toBe('boot');
    const boot = await searchCatalog({ q: 'boot', perPage: 100 });
    expect(boot.total).toBeGreaterThan(0);
    expect(titles(boot).filter((title) => /\bbook|bottle|butter|notebook/i.test(title))).toEqual([]);
    expect(boot.search?.correctedQuery).toBeNull();
  });

  it('puts whole-word title matches before category-only matches, and leaves brand-name matches out when titles match', async () => {
    const boot = await searchCatalog({ q: 'boot', perPage: 100 });
    const firstWithoutBoot = titles(boot).findIndex((title) => !/\bboot\b/i.test(title));
    const lastWithBoot = titles(boot).findLastIndex((title) => /\bboot\b/i.test(title));
    expect(lastWithBoot).toBeLessThan(firstWithoutBoot === -1 ? Number.POSITIVE_INFINITY : firstWithoutBoot);
    // The Boots category's Chukka comes by its category; Ridgeway Boot Co.'s sneakers are not boots.
    expect(titles(boot).some((title) => /chukka/i.test(title))).toBe(true);
    expect(titles(boot).some((title) => /sneaker|slip-on|trainer|court shoe|runner/i.test(title))).toBe(false);
    // With no title to match, the brand is what the shopper means.
    const brand = await searchCatalog({ q: 'ridgeway', perPage: 100 });
    expect(brand.total).toBeGreaterThan(0);
  });

  it('matches plurals and stems, British and American spellings, category and option words', async () => {
    expect((await searchCatalog({ q: 'lanterns' })).total).toBe(3);
    const organizer = titles(await searchCatalog({ q: 'organizer' }));
    expect(organizer.length).toBeGreaterThan(0);
    expect(organizer.every((title) => /organiser/i.test(title))).toBe(true);
    const sneakers = await searchCatalog({ q: 'sneakers', perPage: 100 });
    const inCategory = await searchCatalog({ category: 'sneakers', perPage: 100 });
    expect(sneakers.items.map((item) => item.id).sort()).toEqual(inCategory.items.map((item) => item.id).sort());
    const gray = await searchCatalog({ q: 'gray', perPage: 100 });
    const greyFiltered = await searchCatalog({ options: { colour: ['Heather Grey'] }, perPage: 100 });
    expect(gray.total).toBe(greyFiltered.total);
  });

  it('finds what a merchant-added synonym names, at once through the cache, and forgets it when deleted', async () => {
    const query = catalogQuerySchema.parse({ q: 'glimmerbox' });
    expect((await searchCatalogCached(query, await defaultMarketNow())).total).toBe(0);
    await getCachedSearchVocabulary();

    const actor = await staffActor();
    const { id } = await createSynonymGroup(actor, ['lantern', 'glimmerbox']);
    invalidateSearchSynonyms();
    expect(await auditCount('search_synonyms.create', id)).toBe(1);
    const found = await searchCatalogCached(query, await defaultMarketNow());
    expect(found.items.map((item) => item.id).sort()).toEqual([popular, newer, older].sort());

    await deleteSynonymGroup(actor, id);
    invalidateSearchSynonyms();
    expect(await auditCount('search_synonyms.delete', id)).toBe(1);
    expect((await searchCatalogCached(query, await defaultMarketNow())).total).toBe(0);
  });

  it('reads a synonym phrase as one term, however it is written, and its words apart as words', async () => {
    const actor = await staffActor();
    const { id } = await createSynonymGroup(actor, ['glow box', 'lantern']);
    invalidateSearchSynonyms();
    try {
      const lanterns = [popular, newer, older].sort();
      for (const q of ['glow box', 'Glow-Boxes', 'glow boxes quokkaline']) {
        const found = await searchCatalogCached(catalogQuerySchema.parse({ q }), await defaultMarketNow());
        expect(found.items.map((item) => item.id).sort(), q).toEqual(lanterns);
        expect(found.search?.correctedQuery, q).toBeNull();
      }
      expect((await searchCatalogCached(catalogQuerySchema.parse({ q: 'box glow', perPage: 100 }), await defaultMarketNow())).items.map((item) => item.id)).not.toContain(popular);
    } finally {
      await deleteSynonymGroup(actor, id);
      invalidateSearchSynonyms();
    }
    expect((await searchCatalogCached(catalogQuerySchema.parse({ q: 'glow box', perPage: 100 }), await defaultMarketNow())).items.map((item) => item.id)).not.toContain(popular);
  });

  it('finds the seeded phrases: "t shirt" is the T-Shirts (not every shirt), "running shoes" the Sneakers', async () => {
    const ids = (result: { items: { id: string }[] }) => result.items.map((item) => item.id).sort();
    const tShirts = ids(await searchCatalog({ category: 't-shirts', perPage: 100 }));
    expect(tShirts.length).toBeGreaterThan(0);
    for (const q of ['t shirt', 'T-Shirts', 'tee']) expect(ids(await searchCatalog({ q, perPage: 100 })), q).toEqual(tShirts);
    const sneakers = ids(await searchCatalog({ category: 'sneakers', perPage: 100 }));
    for (const q of ['running shoes', 'running shoe']) expect(ids(await searchCatalog({ q, perPage: 100 })), q).toEqual(sneakers);
  });

  it('answers nonsense with nothing and no suggestion', async () => {
    for (const q of ['xqzvw', 'blorptangle', 'zzzzzz']) {
      const result = await searchCatalog({ q });
      expect(result.total, q).toBe(0);
      expect(result.search?.didYouMean, q).toBeNull();
    }
  });
});
