// The demo store: categories, products with variants, stock and images, shipping, tax, discounts, two accounts and
// ninety days of orders from demo customers (some of them guest buyers).
// Deterministic (seeded PRNG), idempotent (a seeded store is left alone) and atomic (one transaction, settings last).

import { randomBytes, randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import {
  addresses,
  categories,
  contentPages,
  discountCodes,
  inventoryLedger,
  menuItems,
  orderLines,
  orders,
  productCategories,
  productImages,
  productOptions,
  productOptionValues,
  products,
  shippingRates,
  markets,
  shippingZones,
  storeSettings,
  taxRates,
  users,
  variantOptionValues,
  variants,
  searchSynonyms,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { PAGE_TEMPLATES } from '@/lib/store/content/templates';
import { env } from '@/lib/env';
import { getMediaStore, type MediaStore } from '@/lib/storage';
import {
  DEFAULT_PRODUCT_COUNT,
  DEFAULT_SEED,
  extraProductCounts,
  MAX_PRODUCT_COUNT,
  generateProducts,
  imagePool,
  LOW_STOCK_THRESHOLD,
  planCategories,
  type ProductPlan,
} from './generate';
import { bulkInsert } from './bulk-insert';
import { SEED_ORDER_DAYS, seedOrders } from './orders';
import { createRandom } from './random';
import { IMAGE_SIZE, writeImages, type ImageJob } from './images';
import {
  DEMO_CUSTOMER_ADDRESS,
  DISCOUNT_CODES,
  SEARCH_SYNONYMS,
  SHIPPING_ZONES,
  STORE_CURRENCY,
  STORE_NAME,
  TAX_RATES,
  MARKETS,
} from './reference-data';

/** Up to this many products each get their own image file; larger seeds share a bounded pool. */
export const PER_PRODUCT_IMAGE_LIMIT = 1_000;

// Products generated and inserted per round: bounds memory at any N while keeping statements large.
const PRODUCTS_PER_BATCH = 2_000;
// Any fixed number, distinct from the migration lock: two seeders started at once take turns, the second skips.
const SEED_LOCK_ID = 7_224_102;

export type SeedAccountOptions = { email?: string; password?: string };

export type SeedOptions = {
  /** Active products to create (draft and archived ones come on top). Default 200. */
  products?: number;
  /** Progress and the one-time printout of generated passwords. Default: silent. */
  log?: (line: string) => void;
  /** Where product images go. Default: getMediaStore(). */
  mediaStore?: MediaStore;
  /** Default: env.ADMIN_EMAIL / env.ADMIN_PASSWORD (a random password is generated when unset). */
  admin?: SeedAccountOptions;
  /** Default: env.DEMO_CUSTOMER_EMAIL / env.DEMO_CUSTOMER_PASSWORD (likewise). */
  customer?: SeedAccountOptions;
  /** PRNG seed; the same seed and product count give the same catalogue. */
  seed?: number;
  /** Reference time for createdAt/publishedAt spreads. Default: now. */
  now?: Date;
  /** Default: 'per-product' up to PER_PRODUCT_IMAGE_LIMIT products, else 'pooled'. */
  images?: 'per-product' | 'pooled';
  /** Ninety days of demo orders and their customers (db/seed/orders.ts). Default true; false leaves no orders. */
  orders?: boolean;
};

export type SeedSummary = {
  /** True when the store was already seeded and nothing was written; the counts are then all zero. */
  skipped: boolean;
  categories: number;
  products: number;
  activeProducts: number;
  draftProducts: number;
  archivedProducts: number;
  featuredProducts: number;
  options: number;
  optionValues: number;
  variants: number;
  soldOutVariants: number;
  lowStockVariants: number;
  ledgerEntries: number;
  images: number;
  imageFilesWritten: number;
  shippingZones: number;
  shippingRates: number;
  taxRates: number;
  discountCodes: number;
  users: number;
  orders: number;
  customers: number;
  guestCustomers: number;
  elapsedMs: number;
};

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

function emptySummary(): SeedSummary {
  return {
    skipped: false,
    categories: 0,
    products: 0,
    activeProducts: 0,
    draftProducts: 0,
    archivedProducts: 0,
    featuredProducts: 0,
    options: 0,
    optionValues: 0,
    variants: 0,
    soldOutVariants: 0,
    lowStockVariants: 0,
    ledgerEntries: 0,
    images: 0,
    imageFilesWritten: 0,
    shippingZones: 0,
    shippingRates: 0,
    taxRates: 0,
    discountCodes: 0,
    users: 0,
    orders: 0,
    customers: 0,
    guestCustomers: 0,
    elapsedMs: 0,
  };
}

/** True once a seed (or an operator's setup) has written the store settings row. */
export async function isStoreSeeded(db: Executor): Promise<boolean> {
  const rows = await db.select({ id: storeSettings.id }).from(storeSettings).where(eq(storeSettings.id, 1)).limit(1);
  return rows.length > 0;
}

function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

type ResolvedAccount = { email: string; passwordHash: string; generatedPassword: string | null };

async function resolveAccount(email: string, password: string | undefined): Promise<ResolvedAccount> {
  // 18 random bytes → 24 URL-safe characters (144 bits): printed once, never stored in plain text.
  const generatedPassword = password ? null : randomBytes(18).toString('base64url');
  return {
    email: normaliseEmail(email),
    passwordHash: await hashPassword(password ?? generatedPassword!),
    generatedPassword,
  };
}

function imageKeyFor(plan: ProductPlan, mode: 'per-product' | 'pooled'): string {
  return mode === 'per-product' ? `seed/${plan.slug}.webp` : poolKey(plan.leafSlug, plan.accent.code);
}

function poolKey(leafSlug: string, colourCode: string): string {
  return `seed/pool/${leafSlug}-${colourCode.toLowerCase()}.webp`;
}

/**
 * Seeds a demo store into an empty, migrated database. Does nothing when the store is already seeded
 * (store_settings row 1 exists). Everything in the database is written in one transaction, settings last, so a
 * failure leaves nothing behind and the next run starts over. Image files are written first (they are immutable by
 * key and reused if present).
 */
export async function seedDatabase(db: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const summary = emptySummary();
  const finish = () => ({ ...summary, elapsedMs: Math.round(performance.now() - started) });

  const activeCount = options.products ?? DEFAULT_PRODUCT_COUNT;
  if (!Number.isInteger(activeCount) || activeCount < 1 || activeCount > MAX_PRODUCT_COUNT) {
    throw new SeedError(`products must be a whole number between 1 and ${MAX_PRODUCT_COUNT}`);
  }

  if (await isStoreSeeded(db)) {
    log('Store is already seeded; nothing to do.');
    summary.skipped = true;
    return finish();
  }

  const now = options.now ?? new Date();
  const seed = options.seed ?? DEFAULT_SEED;
  const store = options.mediaStore ?? getMediaStore();
  const imageMode = options.images ?? (activeCount <= PER_PRODUCT_IMAGE_LIMIT ? 'per-product' : 'pooled');
  const generate = () => generateProducts({ activeProducts: activeCount, seed, now });

  const withOrders = options.orders ?? true;
  const [admin, customer, shopperPasswordHash] = await Promise.all([
    resolveAccount(options.admin?.email ?? env.ADMIN_EMAIL, options.admin?.password ?? env.ADMIN_PASSWORD),
    resolveAccount(
      options.customer?.email ?? env.DEMO_CUSTOMER_EMAIL,
      options.customer?.password ?? env.DEMO_CUSTOMER_PASSWORD,
    ),
    // The demo shoppers with accounts share one hash of a random password nobody is shown: they cannot be signed
    // into, and one hash costs what one costs.
    withOrders ? hashPassword(randomBytes(18).toString('base64url')) : Promise.resolve(''),
  ]);
  if (admin.email === customer.email) throw new SeedError('The admin and demo customer need different email addresses');

  // Images first, outside the transaction: files cannot roll back, and a leftover file is simply reused next time.
  let imageJobs: ImageJob[];
  let plans: Iterable<ProductPlan>;
  const poolKeys = new Set<string>();
  if (imageMode === 'per-product') {
    const all = [...generate()];
    plans = all;
    imageJobs = all.map((plan) => ({ key: imageKeyFor(plan, imageMode), shape: plan.shape, colour: plan.accent }));
  } else {
    plans = generate();
    imageJobs = imagePool().map((entry) => {
      const key = poolKey(entry.leafSlug, entry.colour.code);
      poolKeys.add(key);
      return { key, shape: entry.shape, colour: entry.colour };
    });
  }
  const imagesStarted = performance.now();
  summary.imageFilesWritten = await writeImages(store, imageJobs);
  log(
    `Images: ${imageJobs.length} ${imageMode === 'pooled' ? 'pooled ' : ''}images ready ` +
      `(${summary.imageFilesWritten} rendered) in ${Math.round(performance.now() - imagesStarted)} ms`,
  );

  const created = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_ID})`);
    // Checked again under the lock: another seeder may have finished while the images were rendering.
    if (await isStoreSeeded(tx)) return false;
    const [existing] = await tx.select({ n: count() }).from(products);
    if ((existing?.n ?? 0) > 0) {
      throw new SeedError(
        'The database already has products but no store settings. Seed only an empty store ' +
          '(npm run db:seed -- --reset starts over).',
      );
    }

    // Categories: parents come before children in the plan, so parent ids are known when each row is built.
    const { categories: categoryPlans } = planCategories();
    const categoryIds = new Map<string, string>();
    const categoryRows = categoryPlans.map((plan) => {
      const id = randomUUID();
      categoryIds.set(plan.slug, id);
      return {
        id,
        parentId: plan.parentSlug ? categoryIds.get(plan.parentSlug)! : null,
        slug: plan.slug,
        name: plan.name,
        description: plan.description,
        path: plan.path,
        depth: plan.depth,
        position: plan.position,
        createdAt: now,
      };
    });
    await tx.insert(categories).values(categoryRows);
    summary.categories = categoryRows.length;

    const positionInCategory = new Map<string, number>();
    let batch: ProductPlan[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await insertProductBatch(tx, batch, { categoryIds, positionInCategory, imageMode, poolKeys, summary });
      batch = [];
    };
    for (const plan of plans) {
      batch.push(plan);
      if (batch.length >= PRODUCTS_PER_BATCH) {
        await flush();
        if (summary.products % 10_000 === 0) log(`Products: ${summary.products} written`);
      }
    }
    await flush();

    for (const [position, zone] of SHIPPING_ZONES.entries()) {
      const zoneId = randomUUID();
      await tx.insert(shippingZones).values({ id: zoneId, name: zone.name, countries: zone.countries, position });
      await tx
        .insert(shippingRates)
        .values(zone.rates.map((rate, index) => ({ ...rate, zoneId, currency: STORE_CURRENCY, position: index })));
      summary.shippingZones += 1;
      summary.shippingRates += zone.rates.length;
    }
    await tx.insert(markets).values(MARKETS);
    await tx.insert(taxRates).values(TAX_RATES);
    summary.taxRates = TAX_RATES.length;
    await tx.insert(discountCodes).values(DISCOUNT_CODES);
    summary.discountCodes = DISCOUNT_CODES.length;
    await tx.insert(searchSynonyms).values(SEARCH_SYNONYMS.map((terms) => ({ terms: [...terms] })));

    // An account someone already registered under the same email is left exactly as it is.
    const [adminRow] = await tx
      .insert(users)
      .values({
        email: admin.email,
        name: 'Store Admin',
        passwordHash: admin.passwordHash,
        role: 'admin',
        emailVerifiedAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    const [customerRow] = await tx
      .insert(users)
      .values({
        email: customer.email,
        name: DEMO_CUSTOMER_ADDRESS.name,
        passwordHash: customer.passwordHash,
        role: 'customer',
        emailVerifiedAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (customerRow) {
      await tx
        .insert(addresses)
        .values({ ...DEMO_CUSTOMER_ADDRESS, userId: customerRow.id, isDefaultShipping: true, isDefaultBilling: true });
    }
    summary.users = (adminRow ? 1 : 0) + (customerRow ? 1 : 0);

    if (withOrders) {
      const ordersStarted = performance.now();
      const sales = await seedOrders(tx, { random: createRandom(seed).fork('orders'), now, adminId: adminRow?.id ?? null, passwordHash: shopperPasswordHash });
      Object.assign(summary, sales);
      log(`Orders: ${sales.orders} over ${SEED_ORDER_DAYS} days for ${sales.customers} customers in ${Math.round(performance.now() - ordersStarted)} ms`);
    }

    // The pages every shop needs, as the templates a merchant edits, linked from the footer with the order lookup
    // (as the admin's "Add the standard pages" does).
    const pages = await tx
      .insert(contentPages)
      .values(PAGE_TEMPLATES.map((page) => ({ ...page, status: 'published' as const, publishedAt: now })))
      .onConflictDoNothing({ target: contentPages.slug })
      .returning({ id: contentPages.id });
    await tx.insert(menuItems).values([
      ...pages.map((page, position) => ({ menu: 'footer' as const, position, kind: 'page' as const, pageId: page.id })),
      { menu: 'footer' as const, position: pages.length, kind: 'link' as const, href: '/orders/lookup', label: 'Order lookup' },
    ]);

    // Last: its presence is what marks the store as seeded.
    await tx.insert(storeSettings).values({
      id: 1,
      name: STORE_NAME,
      currency: STORE_CURRENCY,
      taxDisplay: 'exclusive',
      lowStockThreshold: LOW_STOCK_THRESHOLD,
      supportEmail: 'support@example.com',
      contactPhone: '+1 555 0100',
      contactAddress: '1 Harbour Street\nPortland, OR 97201\nUnited States',
      paymentInstructions: 'Bank transfer to Northwind Supply Ltd\nIBAN: US00 DEMO 0000 0000 0000 00\nBIC: DEMOUS00',
    });
    return { adminCreated: Boolean(adminRow), customerCreated: Boolean(customerRow) };
  });

  if (!created) {
    log('Store was seeded by another process meanwhile; nothing to do.');
    const { elapsedMs } = finish();
    return { ...emptySummary(), skipped: true, imageFilesWritten: summary.imageFilesWritten, elapsedMs };
  }

  // Fresh statistics, so the first storefront queries after a large seed are planned for its real size rather
  // than for the empty tables autovacuum last saw.
  const analyzeStarted = performance.now();
  const seededTables = [
    categories,
    products,
    productCategories,
    productOptions,
    productOptionValues,
    variants,
    variantOptionValues,
    productImages,
    inventoryLedger,
    orders,
    orderLines,
    users,
  ];
  for (const table of seededTables) await db.execute(sql`analyze ${table}`);
  log(`Statistics refreshed in ${Math.round(performance.now() - analyzeStarted)} ms`);

  // Printed once, after the commit, and only for accounts this run actually created.
  const describe = (label: string, account: ResolvedAccount, wasCreated: boolean, envName: string) => {
    if (!wasCreated) log(`${label} account: ${account.email} already existed; left unchanged.`);
    else if (account.generatedPassword) {
      log(`${label} account: ${account.email} / ${account.generatedPassword} — change it after signing in`);
    } else log(`${label} account: ${account.email} (password from ${envName} or the seed options)`);
  };
  describe('Admin', admin, created.adminCreated, 'ADMIN_PASSWORD');
  describe('Demo customer', customer, created.customerCreated, 'DEMO_CUSTOMER_PASSWORD');
  return finish();
}

type BatchContext = {
  categoryIds: Map<string, string>;
  positionInCategory: Map<string, number>;
  imageMode: 'per-product' | 'pooled';
  poolKeys: Set<string>;
  summary: SeedSummary;
};

async function insertProductBatch(tx: Executor, plans: ProductPlan[], context: BatchContext): Promise<void> {
  const { summary } = context;
  const productRows: (typeof products.$inferInsert)[] = [];
  const categoryLinks: (typeof productCategories.$inferInsert)[] = [];
  const optionRows: (typeof productOptions.$inferInsert)[] = [];
  const valueRows: (typeof productOptionValues.$inferInsert)[] = [];
  const variantRows: (typeof variants.$inferInsert)[] = [];
  const variantValueRows: (typeof variantOptionValues.$inferInsert)[] = [];
  const imageRows: (typeof productImages.$inferInsert)[] = [];
  const ledgerRows: (typeof inventoryLedger.$inferInsert)[] = [];

  for (const plan of plans) {
    const productId = randomUUID();
    productRows.push({
      id: productId,
      slug: plan.slug,
      title: plan.title,
      description: plan.description,
      status: plan.status,
      vendor: plan.vendor,
      featured: plan.featured,
      priceMinCents: plan.priceMinCents,
      priceMaxCents: plan.priceMaxCents,
      salesCount: plan.salesCount,
      publishedAt: plan.publishedAt,
      createdAt: plan.createdAt,
      updatedAt: plan.publishedAt ?? plan.createdAt,
    });

    const categoryId = context.categoryIds.get(plan.leafSlug);
    if (!categoryId) throw new SeedError(`Unknown category ${plan.leafSlug}`);
    const position = context.positionInCategory.get(plan.leafSlug) ?? 0;
    context.positionInCategory.set(plan.leafSlug, position + 1);
    categoryLinks.push({ productId, categoryId, position });

    const valueIds = plan.options.map((option, optionPosition) => {
      const optionId = randomUUID();
      optionRows.push({ id: optionId, productId, name: option.name, position: optionPosition });
      return option.values.map((value, valuePosition) => {
        const id = randomUUID();
        valueRows.push({ id, optionId, value, position: valuePosition });
        return id;
      });
    });

    for (const variant of plan.variants) {
      const variantId = randomUUID();
      variantRows.push({
        id: variantId,
        productId,
        sku: variant.sku,
        title: variant.title,
        priceCents: variant.priceCents,
        compareAtPriceCents: variant.compareAtPriceCents,
        currency: STORE_CURRENCY,
        stockOnHand: variant.stockOnHand,
        weightGrams: variant.weightGrams,
        position: variant.position,
        isActive: true,
        createdAt: plan.createdAt,
        updatedAt: plan.createdAt,
      });
      variant.valueIndexes.forEach((valueIndex, optionIndex) => {
        variantValueRows.push({ variantId, optionValueId: valueIds[optionIndex]![valueIndex]! });
      });
      // The ledger is the stock's history: opening stock is its first entry, so ledger sums equal stock on hand.
      if (variant.stockOnHand > 0) {
        ledgerRows.push({
          variantId,
          delta: variant.stockOnHand,
          quantityAfter: variant.stockOnHand,
          reason: 'initial',
          note: 'Opening stock (demo seed)',
          createdAt: plan.createdAt,
        });
      } else summary.soldOutVariants += 1;
      if (variant.stockOnHand > 0 && variant.stockOnHand <= LOW_STOCK_THRESHOLD) summary.lowStockVariants += 1;
    }

    const storageKey = imageKeyFor(plan, context.imageMode);
    if (context.imageMode === 'pooled' && !context.poolKeys.has(storageKey)) {
      throw new SeedError(`No pooled image for ${plan.leafSlug} in ${plan.accent.name}`);
    }
    imageRows.push({
      productId,
      storageKey,
      altText: plan.imageAlt,
      width: IMAGE_SIZE,
      height: IMAGE_SIZE,
      position: 0,
      createdAt: plan.createdAt,
    });

    summary.products += 1;
    if (plan.status === 'active') summary.activeProducts += 1;
    else if (plan.status === 'draft') summary.draftProducts += 1;
    else summary.archivedProducts += 1;
    if (plan.featured) summary.featuredProducts += 1;
  }

  // Parents before children; each call is one or a few unnest() statements whatever the batch size.
  await bulkInsert(tx, products, productRows);
  await bulkInsert(tx, productCategories, categoryLinks);
  await bulkInsert(tx, productOptions, optionRows);
  await bulkInsert(tx, productOptionValues, valueRows);
  await bulkInsert(tx, variants, variantRows);
  await bulkInsert(tx, variantOptionValues, variantValueRows);
  await bulkInsert(tx, productImages, imageRows);
  await bulkInsert(tx, inventoryLedger, ledgerRows);

  summary.options += optionRows.length;
  summary.optionValues += valueRows.length;
  summary.variants += variantRows.length;
  summary.images += imageRows.length;
  summary.ledgerEntries += ledgerRows.length;
}

export { DEFAULT_PRODUCT_COUNT, extraProductCounts, MAX_PRODUCT_COUNT };
