import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseSeedArgs, SeedUsageError } from './args';
import { extraProductCounts, generateProducts, imagePool, planCategories, type ProductPlan } from './generate';
import { productSvg, renderProductImage } from './images';
import { COLOURS } from './catalog-data';

const now = new Date('2026-06-01T12:00:00Z');
const plansFor = (activeProducts: number, seed?: number): ProductPlan[] => [...generateProducts({ activeProducts, now, seed })];

describe('planCategories', () => {
  it('builds a tree of at least 8 departments whose paths and depths follow the parents', () => {
    const { categories, leaves } = planCategories();
    expect(categories.filter((c) => c.depth === 0).length).toBeGreaterThanOrEqual(8);
    const bySlug = new Map(categories.map((c) => [c.slug, c]));
    expect(bySlug.size).toBe(categories.length);
    for (const category of categories) {
      const parent = category.parentSlug ? bySlug.get(category.parentSlug) : undefined;
      expect(category.path).toBe(parent ? `${parent.path}/${category.slug}` : category.slug);
      expect(category.depth).toBe(parent ? parent.depth + 1 : 0);
    }
    // Every department has somewhere to put products, and products only go to leaves.
    const parents = new Set(categories.map((c) => c.parentSlug));
    expect(leaves.map((l) => l.slug).sort()).toEqual(categories.filter((c) => !parents.has(c.slug)).map((c) => c.slug).sort());
  });
});

describe('generateProducts', () => {
  it('is deterministic: the same seed gives the same catalogue, another seed a different one', () => {
    const a = plansFor(150);
    const b = plansFor(150);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = plansFor(150, 42);
    expect(c.map((p) => p.slug)).not.toEqual(a.map((p) => p.slug));
  });

  it('adds draft and archived products beyond the requested active ones', () => {
    const plans = plansFor(200);
    const { drafts, archived } = extraProductCounts(200);
    expect(plans.filter((p) => p.status === 'active')).toHaveLength(200);
    expect(plans.filter((p) => p.status === 'draft')).toHaveLength(drafts);
    expect(plans.filter((p) => p.status === 'archived')).toHaveLength(archived);
    expect(drafts).toBeGreaterThan(0);
    expect(archived).toBeGreaterThan(0);
    expect(plans.filter((p) => p.status === 'draft').every((p) => p.publishedAt === null)).toBe(true);
  });

  it('keeps slugs and SKUs unique even when titles repeat in a large catalogue', () => {
    const slugs = new Set<string>();
    const skus = new Set<string>();
    const titles = new Set<string>();
    let products = 0;
    for (const plan of generateProducts({ activeProducts: 30_000, now })) {
      products += 1;
      slugs.add(plan.slug);
      titles.add(plan.title);
      for (const variant of plan.variants) skus.add(variant.sku);
      expect(plan.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    expect(titles.size).toBeLessThan(products); // the interesting case: repeats happened
    expect(slugs.size).toBe(products);
    const variantCount = [...generateProducts({ activeProducts: 30_000, now })].reduce((n, p) => n + p.variants.length, 0);
    expect(skus.size).toBe(variantCount);
    // Generates two 30k catalogues: a budget for busy CI machines, not a speed target.
  }, 60_000);

  it('prices like a shop: .99 or .00 endings, compare-at above price, min/max matching the variants', () => {
    const plans = plansFor(400);
    let onSale = 0;
    for (const plan of plans) {
      expect(plan.variants.length).toBeGreaterThanOrEqual(1);
      expect(plan.variants.length).toBeLessThanOrEqual(12);
      const prices = plan.variants.map((v) => v.priceCents);
      expect(plan.priceMinCents).toBe(Math.min(...prices));
      expect(plan.priceMaxCents).toBe(Math.max(...prices));
      for (const variant of plan.variants) {
        expect([0, 99]).toContain(variant.priceCents % 100);
        if (variant.compareAtPriceCents !== null) {
          onSale += 1;
          expect(variant.compareAtPriceCents).toBeGreaterThan(variant.priceCents);
        }
        expect(variant.title).toBe(
          plan.options.length ? variant.valueIndexes.map((vi, oi) => plan.options[oi]!.values[vi]).join(' / ') : 'Default',
        );
      }
    }
    expect(onSale).toBeGreaterThan(0);
  });

  it('spreads stock across sold out, low and healthy, and dates across past months', () => {
    const plans = plansFor(200);
    const stock = plans.flatMap((p) => p.variants.map((v) => v.stockOnHand));
    expect(stock.filter((s) => s === 0).length).toBeGreaterThan(10);
    expect(stock.filter((s) => s > 0 && s <= 5).length).toBeGreaterThan(10);
    expect(stock.filter((s) => s > 5).length).toBeGreaterThan(stock.length / 2);
    const ages = plans.map((p) => (now.getTime() - p.createdAt.getTime()) / 86_400_000);
    expect(Math.max(...ages) - Math.min(...ages)).toBeGreaterThan(180);
    expect(plans.filter((p) => p.featured).length).toBeGreaterThanOrEqual(8);
  });

  it('gives tiny seeds every category and the sold-out and low-stock states', () => {
    const plans = plansFor(30);
    const { leaves } = planCategories();
    expect(new Set(plans.map((p) => p.leafSlug)).size).toBe(leaves.length);
    const stock = plans.flatMap((p) => p.variants.map((v) => v.stockOnHand));
    expect(stock).toContain(0);
    expect(stock.some((s) => s > 0 && s <= 5)).toBe(true);
  });

  it('only uses accent colours that the pooled image set covers', () => {
    const pool = new Set(imagePool().map((entry) => `${entry.leafSlug}:${entry.colour.code}`));
    for (const plan of plansFor(2_000)) expect(pool.has(`${plan.leafSlug}:${plan.accent.code}`)).toBe(true);
  });
});

describe('product images', () => {
  it('draw shapes only, never text (fonts may be missing where the seed runs)', () => {
    const svg = productSvg('tee', COLOURS.navy, 'seed/test.webp');
    expect(svg).not.toMatch(/<text|<tspan/);
    expect(svg).toContain(COLOURS.navy.hex);
  });

  it('render to an 800×800 WebP', async () => {
    const body = await renderProductImage('backpack', COLOURS.white, 'seed/white-backpack.webp');
    const meta = await sharp(body).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 800, height: 800 });
  });
});

describe('parseSeedArgs', () => {
  it('defaults to 200 products, demo orders and no reset', () => {
    expect(parseSeedArgs([])).toEqual({ products: 200, reset: false, noOrders: false, yesReally: false, help: false });
  });

  it('reads --no-orders, for a store without demo sales', () => {
    expect(parseSeedArgs(['--no-orders'])).toMatchObject({ noOrders: true });
  });

  it('reads --products, --reset and --yes-really', () => {
    expect(parseSeedArgs(['--products', '50000', '--reset', '--yes-really'])).toMatchObject({
      products: 50_000,
      reset: true,
      yesReally: true,
    });
    expect(parseSeedArgs(['--products=12']).products).toBe(12);
  });

  it.each([[['--products', '0']], [['--products', 'lots']], [['--products', '1000001']], [['--products', '2.5']], [['--nuke']], [['extra']]])(
    'refuses %j with a usage error',
    (argv) => {
      expect(() => parseSeedArgs(argv)).toThrow(SeedUsageError);
    },
  );
});
