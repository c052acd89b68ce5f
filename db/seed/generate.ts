// Pure, deterministic generation of the demo catalogue: no database, no clock except the `now` passed in.
// Same seed and counts → the same categories, slugs, SKUs, prices and stock, in the same order.

import {
  CATEGORY_TREE,
  CLOSINGS,
  COLOURS,
  LINE_NAMES,
  MATERIAL_SENTENCES,
  PITCHES,
  type CategoryNode,
  type Colour,
  type ColourKey,
  type OptionSpec,
  type ProductTemplate,
  type ShapeKind,
} from './catalog-data';
import { slugify } from '@/lib/catalog/slug';
import { createRandom, type Random } from './random';

export const DEFAULT_SEED = 20_260_101;
export const DEFAULT_PRODUCT_COUNT = 200;
export const MAX_PRODUCT_COUNT = 1_000_000;
/** Stock at or below this reads as "low stock" (matches store_settings.low_stock_threshold). */
export const LOW_STOCK_THRESHOLD = 5;
const MAX_VARIANTS_PER_PRODUCT = 12;
const DAY_MS = 86_400_000;

export type CategoryPlan = {
  slug: string;
  name: string;
  description: string;
  path: string;
  depth: number;
  position: number;
  parentSlug: string | null;
};

export type LeafPlan = {
  slug: string;
  name: string;
  topSlug: string;
  vendors: readonly string[];
  template: ProductTemplate;
};

export type OptionPlan = { name: string; values: string[] };

export type VariantPlan = {
  sku: string;
  title: string;
  priceCents: number;
  compareAtPriceCents: number | null;
  weightGrams: number;
  stockOnHand: number;
  position: number;
  /** For each option (in option order), the index of this variant's value in that option's `values`. */
  valueIndexes: number[];
};

export type ProductStatusPlan = 'active' | 'draft' | 'archived';

export type ProductPlan = {
  /** 0-based position in generation order; also the product number in SKUs (index + 1). */
  index: number;
  slug: string;
  title: string;
  description: string;
  vendor: string;
  status: ProductStatusPlan;
  featured: boolean;
  salesCount: number;
  createdAt: Date;
  publishedAt: Date | null;
  leafSlug: string;
  shape: ShapeKind;
  /** Drives the image colour: the first colour variant, or an accent from the category palette. */
  accent: Colour;
  imageAlt: string;
  options: OptionPlan[];
  variants: VariantPlan[];
  priceMinCents: number;
  priceMaxCents: number;
};

/** Flattens the category tree in pre-order with materialised paths; leaves carry the product templates. */
export function planCategories(): { categories: CategoryPlan[]; leaves: LeafPlan[] } {
  const categories: CategoryPlan[] = [];
  const leaves: LeafPlan[] = [];
  const walk = (
    nodes: readonly CategoryNode[],
    parent: CategoryPlan | null,
    topSlug: string | null,
    vendors: readonly string[],
  ) => {
    nodes.forEach((node, position) => {
      const plan: CategoryPlan = {
        slug: node.slug,
        name: node.name,
        description: node.description,
        path: parent ? `${parent.path}/${node.slug}` : node.slug,
        depth: parent ? parent.depth + 1 : 0,
        position,
        parentSlug: parent?.slug ?? null,
      };
      categories.push(plan);
      const top = topSlug ?? node.slug;
      const nodeVendors = node.vendors ?? vendors;
      if (node.children?.length) walk(node.children, plan, top, nodeVendors);
      else if (node.template) {
        leaves.push({ slug: node.slug, name: node.name, topSlug: top, vendors: nodeVendors, template: node.template });
      }
      else throw new Error(`Category ${node.slug} has neither children nor a product template`);
    });
  };
  walk(CATEGORY_TREE, null, null, []);
  return { categories, leaves };
}

/** Whole dollars as a shelf price: mostly "$24.99", sometimes a round "$25.00". */
function shelfPrice(random: Random, dollars: number): number {
  return random.chance(0.75) ? dollars * 100 - 1 : dollars * 100;
}

function compareAtFor(priceCents: number, ratio: number): number {
  const raw = Math.ceil((priceCents * ratio) / 100) * 100 - 1;
  return Math.max(raw, priceCents + 100);
}

type ResolvedValue = { value: string; code: string; priceDeltaCents: number; weightDeltaGrams: number; colour?: Colour };
type ResolvedOption = { name: string; values: ResolvedValue[] };

function resolveOption(random: Random, spec: OptionSpec, count: number): ResolvedOption {
  if (spec.kind === 'colour') {
    const keys = random.sample(spec.palette, count);
    return {
      name: spec.name,
      values: keys.map((key) => {
        const c: Colour = COLOURS[key];
        return { value: c.name, code: c.code, priceDeltaCents: 0, weightDeltaGrams: 0, colour: c };
      }),
    };
  }
  const chosen = spec.contiguous
    ? (() => {
        const start = random.int(0, spec.values.length - count);
        return spec.values.slice(start, start + count);
      })()
    : random.sample(spec.values, count);
  return {
    name: spec.name,
    values: chosen.map((v) => ({
      value: v.value,
      code: v.code,
      priceDeltaCents: v.priceDeltaCents ?? 0,
      weightDeltaGrams: v.weightDeltaGrams ?? 0,
    })),
  };
}

/** How many values of each option, shrunk (largest first) until the variant count fits the cap. */
function optionCounts(random: Random, specs: readonly OptionSpec[]): number[] {
  const counts = specs.map((spec) => {
    const available = spec.kind === 'colour' ? spec.palette.length : spec.values.length;
    return Math.min(available, random.int(spec.pick[0], spec.pick[1]));
  });
  const total = () => counts.reduce((a, b) => a * b, 1);
  while (total() > MAX_VARIANTS_PER_PRODUCT) {
    let largest = 0;
    counts.forEach((c, i) => {
      if (c > counts[largest]!) largest = i;
    });
    counts[largest] = counts[largest]! - 1;
  }
  return counts;
}

function cartesian(lengths: readonly number[]): number[][] {
  let combos: number[][] = [[]];
  for (const length of lengths) {
    const next: number[][] = [];
    for (const combo of combos) for (let i = 0; i < length; i += 1) next.push([...combo, i]);
    combos = next;
  }
  return combos;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

export type GenerateOptions = {
  /** Active products (the number a shopper can browse). */
  activeProducts: number;
  seed?: number;
  now: Date;
};

/** Draft and archived products beyond the active ones, so unpublished-product 404s can be tested. */
export function extraProductCounts(activeProducts: number): { drafts: number; archived: number } {
  return {
    drafts: Math.max(3, Math.ceil(activeProducts / 50)),
    archived: Math.max(2, Math.ceil(activeProducts / 100)),
  };
}

/**
 * Yields every product in a fixed order: the active ones first, then drafts, then archived.
 * A generator so a million-product seed never holds the whole catalogue in memory.
 */
export function* generateProducts(options: GenerateOptions): Generator<ProductPlan> {
  const { leaves } = planCategories();
  const { drafts, archived } = extraProductCounts(options.activeProducts);
  const total = options.activeProducts + drafts + archived;
  const root = createRandom(options.seed ?? DEFAULT_SEED);
  const usedSlugs = new Map<string, number>();
  const takenSlugs = new Set<string>();
  const nowMs = options.now.getTime();
  const skuWidth = Math.max(6, String(total).length);

  for (let index = 0; index < total; index += 1) {
    // One stream per product, derived from the root in order: later fields never shift earlier products.
    const random = root.fork(`product:${index}`);
    const status: ProductStatusPlan =
      index < options.activeProducts ? 'active' : index < options.activeProducts + drafts ? 'draft' : 'archived';
    // Every leaf gets products before any leaf gets a second, so small seeds still fill every category.
    const leaf = index < leaves.length ? leaves[index]! : random.pick(leaves);
    const template = leaf.template;

    const line = random.pick(LINE_NAMES);
    const adjective = random.pick(template.adjectives);
    const noun = random.pick(template.nouns);
    const title = `${line} ${adjective} ${noun}`;
    const baseSlug = slugify(title);
    // Repeated titles get "-2", "-3"…; the set also guards against a suffixed slug meeting a real one.
    let suffix = usedSlugs.get(baseSlug) ?? 1;
    let slug = suffix === 1 ? baseSlug : `${baseSlug}-${suffix}`;
    while (takenSlugs.has(slug)) {
      suffix += 1;
      slug = `${baseSlug}-${suffix}`;
    }
    usedSlugs.set(baseSlug, suffix + 1);
    takenSlugs.add(slug);

    const vendor = random.pick(leaf.vendors);
    const material = random.pick(template.materials);
    const [featureA, featureB] = random.sample(template.features, 2);
    const words = { title, noun: noun.toLowerCase(), adjective: adjective.toLowerCase(), material };
    const description = [
      `${fill(random.pick(PITCHES), words)} ${fill(random.pick(MATERIAL_SENTENCES), words)}`,
      [featureA, featureB, random.pick(CLOSINGS)].filter(Boolean).join(' '),
    ].join('\n\n');

    const singleVariant = random.chance(template.singleVariantChance ?? 0);
    const specs = singleVariant ? [] : template.options;
    const counts = optionCounts(random, specs);
    const resolved = specs.map((spec, i) => resolveOption(random, spec, counts[i]!));
    const colourOption = resolved.find((o) => o.values.some((v) => v.colour));
    const accent: Colour = colourOption?.values[0]?.colour ?? COLOURS[random.pick<ColourKey>(template.palette)];

    const baseDollars = random.int(template.priceDollars[0], template.priceDollars[1]);
    const basePriceCents = shelfPrice(random, baseDollars);
    const baseWeight = random.int(template.weightGrams[0], template.weightGrams[1]);
    const onSale = random.chance(0.18);
    const saleRatio = 1.15 + random.next() * 0.35;
    const soldOutProduct = status === 'active' && random.chance(0.03);
    const productNumber = String(index + 1).padStart(skuWidth, '0');

    const variants: VariantPlan[] = cartesian(resolved.map((o) => o.values.length)).map((valueIndexes, position) => {
      const values = valueIndexes.map((vi, oi) => resolved[oi]!.values[vi]!);
      const priceCents = basePriceCents + values.reduce((sum, v) => sum + v.priceDeltaCents, 0);
      const weightGrams = Math.max(10, baseWeight + values.reduce((sum, v) => sum + v.weightDeltaGrams, 0));
      const roll = random.next();
      const stockOnHand = soldOutProduct
        ? 0
        : roll < 0.08
          ? 0
          : roll < 0.18
            ? random.int(1, LOW_STOCK_THRESHOLD)
            : random.int(LOW_STOCK_THRESHOLD + 1, 140);
      return {
        sku: [template.skuPrefix, productNumber, ...values.map((v) => v.code)].join('-'),
        title: values.length ? values.map((v) => v.value).join(' / ') : 'Default',
        priceCents,
        compareAtPriceCents: onSale ? compareAtFor(priceCents, saleRatio) : null,
        weightGrams,
        stockOnHand,
        position,
        valueIndexes,
      };
    });

    // Guarantee the demo shows each stock state even in tiny seeds: product #4 has one sold-out and one low variant.
    if (index === 3 && variants.length >= 2) {
      variants[variants.length - 1]!.stockOnHand = 0;
      variants[0]!.stockOnHand = 2;
    }

    const ageDays = random.next() * 540;
    const createdAt = new Date(nowMs - Math.round(ageDays * DAY_MS));
    const publishedAt =
      status === 'draft' ? null : new Date(Math.min(nowMs, createdAt.getTime() + random.int(0, 72) * 3_600_000));
    const salesCount = status === 'draft' ? 0 : Math.floor(Math.exp(random.next() * 7.5)) - 1;
    // A dozen or so hand-picked-looking favourites near the top, then a sprinkle: large stores don't feature thousands.
    const featured = status === 'active' && ((index < 400 && index % 17 === 3) || random.chance(0.01));
    const prices = variants.map((v) => v.priceCents);

    yield {
      index,
      slug,
      title,
      description,
      vendor,
      status,
      featured,
      salesCount,
      createdAt,
      publishedAt,
      leafSlug: leaf.slug,
      shape: template.shape,
      accent,
      imageAlt: `${title}${colourOption ? ' in ' : ', '}${accent.name.toLowerCase()}${colourOption ? '' : ' finish'}`,
      options: resolved.map((o) => ({ name: o.name, values: o.values.map((v) => v.value) })),
      variants,
      priceMinCents: Math.min(...prices),
      priceMaxCents: Math.max(...prices),
    };
  }
}

/** The bounded image pool used by large seeds: one image per leaf category × accent colour it can produce. */
export function imagePool(): { leafSlug: string; shape: ShapeKind; colour: Colour }[] {
  const { leaves } = planCategories();
  const pool: { leafSlug: string; shape: ShapeKind; colour: Colour }[] = [];
  for (const leaf of leaves) {
    const keys = new Set<ColourKey>(leaf.template.palette);
    for (const spec of leaf.template.options) if (spec.kind === 'colour') spec.palette.forEach((k) => keys.add(k));
    for (const key of keys) pool.push({ leafSlug: leaf.slug, shape: leaf.template.shape, colour: COLOURS[key] });
  }
  return pool;
}
