// The demo seed against a real (embedded) PostgreSQL: each scenario gets its own fresh PGlite database, so this file
// does not depend on the shared test database or its seeding.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPglite, rowsOf, type Database, type DatabaseConnection } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import {
  addresses,
  categories,
  discountCodes,
  inventoryLedger,
  orderLines,
  orders,
  payments,
  productCategories,
  productImages,
  products,
  refunds,
  shippingRates,
  shippingZones,
  storeSettings,
  taxRates,
  users,
  variants,
} from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { env } from '@/lib/env';
import { createLocalMediaStore, type MediaStore } from '@/lib/storage';
import { seedDatabase, type SeedSummary } from './index';
import { domainTableNames } from './reset';

const ADMIN = { email: 'Owner@Example.COM', password: 'integration-admin-pass-1' };
const CUSTOMER = { email: 'shopper@example.com', password: 'integration-customer-pass' };
const NOW = new Date('2026-06-01T12:00:00Z');

async function freshDatabase(): Promise<DatabaseConnection> {
  const connection = connectPglite('memory://');
  await runMigrations(connection);
  return connection;
}

async function tableCounts(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of domainTableNames()) {
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(name)}`));
    counts[name] = row?.n ?? -1;
  }
  return counts;
}

/** What a shopper would see of the catalogue, in a stable order: the part a seed must reproduce exactly. */
async function catalogueFingerprint(db: Database) {
  return db
    .select({
      slug: products.slug,
      status: products.status,
      sku: variants.sku,
      title: variants.title,
      priceCents: variants.priceCents,
      compareAtPriceCents: variants.compareAtPriceCents,
      stockOnHand: variants.stockOnHand,
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .orderBy(asc(variants.sku));
}

let mediaDir: string;
let media: MediaStore;
let main: DatabaseConnection;
let summary: SeedSummary;
const logLines: string[] = [];

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(tmpdir(), 'seed-media-'));
  media = createLocalMediaStore(mediaDir);
  main = await freshDatabase();
  summary = await seedDatabase(main.db, {
    mediaStore: media,
    admin: ADMIN,
    customer: CUSTOMER,
    now: NOW,
    log: (line) => logLines.push(line),
  });
});

afterAll(async () => {
  await main?.close();
  if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
});

describe('seedDatabase on an empty store', () => {
  it('reports what it created', () => {
    expect(summary.skipped).toBe(false);
    expect(summary.activeProducts).toBe(200);
    expect(summary.variants).toBeGreaterThanOrEqual(600);
    expect(summary.images).toBe(summary.products);
    expect(summary.imageFilesWritten).toBe(summary.products);
    expect(summary.soldOutVariants).toBeGreaterThan(0);
    expect(summary.elapsedMs).toBeGreaterThan(0);
  });

  it('creates a category tree of at least 8 departments with subcategories and consistent paths', async () => {
    const rows = await main.db.select().from(categories);
    const byId = new Map(rows.map((c) => [c.id, c]));
    expect(rows.filter((c) => c.parentId === null).length).toBeGreaterThanOrEqual(8);
    expect(rows.filter((c) => c.parentId !== null).length).toBeGreaterThanOrEqual(16);
    for (const category of rows) {
      const parent = category.parentId ? byId.get(category.parentId) : undefined;
      expect(category.path).toBe(parent ? `${parent.path}/${category.slug}` : category.slug);
      expect(category.depth).toBe(parent ? parent.depth + 1 : 0);
    }
  });

  it('publishes exactly the requested number of active products, plus drafts and archived ones', async () => {
    const byStatus = await main.db.select({ status: products.status, n: count() }).from(products).groupBy(products.status);
    const counts = Object.fromEntries(byStatus.map((r) => [r.status, r.n]));
    expect(counts.active).toBe(200);
    expect(counts.draft).toBeGreaterThan(0);
    expect(counts.archived).toBeGreaterThan(0);
    const [unpublishedDraft] = await main.db
      .select({ n: count() })
      .from(products)
      .where(and(eq(products.status, 'draft'), sql`${products.publishedAt} is not null`));
    expect(unpublishedDraft?.n).toBe(0);
    const [featured] = await main.db.select({ n: count() }).from(products).where(eq(products.featured, true));
    expect(featured?.n).toBeGreaterThan(0);
  });

  it('links every product to exactly one leaf category', async () => {
    const rows = rowsOf<{ id: string; links: number; leaf_links: number }>(
      await main.db.execute(sql`
        select p.id, count(pc.category_id)::int as links,
               count(pc.category_id) filter (where not exists (select 1 from ${categories} c where c.parent_id = pc.category_id))::int as leaf_links
        from ${products} p left join ${productCategories} pc on pc.product_id = p.id
        group by p.id`),
    );
    expect(rows).toHaveLength(summary.products);
    expect(rows.filter((r) => r.links !== 1 || r.leaf_links !== 1)).toEqual([]);
  });

  it('gives every product an 800×800 WebP image that exists in the media store', async () => {
    const rows = await main.db
      .select({ productId: products.id, storageKey: productImages.storageKey, altText: productImages.altText, width: productImages.width })
      .from(products)
      .leftJoin(productImages, eq(productImages.productId, products.id));
    expect(rows).toHaveLength(summary.products);
    for (const row of rows) {
      expect(row.storageKey).toMatch(/^seed\/[a-z0-9-]+\.webp$/);
      expect(row.altText!.length).toBeGreaterThan(10);
      expect(row.width).toBe(800);
      expect(await media.exists(row.storageKey!)).toBe(true);
    }
    const stored = await media.get(rows[0]!.storageKey!);
    expect(stored?.contentType).toBe('image/webp');
    expect(await sharp(stored!.body).metadata()).toMatchObject({ format: 'webp', width: 800, height: 800 });
  });

  it('has sold-out and low-stock variants, and an opening ledger entry that sums to each variant’s stock', async () => {
    const [soldOut] = await main.db.select({ n: count() }).from(variants).where(eq(variants.stockOnHand, 0));
    const [low] = await main.db
      .select({ n: count() })
      .from(variants)
      .where(sql`${variants.stockOnHand} between 1 and 5`);
    expect(soldOut?.n).toBeGreaterThan(0);
    expect(low?.n).toBeGreaterThan(0);

    const mismatched = rowsOf<{ id: string }>(
      await main.db.execute(sql`
        select v.id from ${variants} v
        left join (select variant_id, sum(delta)::int as total from ${inventoryLedger} group by variant_id) l on l.variant_id = v.id
        where coalesce(l.total, 0) <> v.stock_on_hand`),
    );
    expect(mismatched).toEqual([]);
    // Opening stock first; after it only the demo orders' sales and restocks, each tied to its order, and every
    // entry's quantity after it is the running total in time order.
    const [odd] = await main.db
      .select({ n: count() })
      .from(inventoryLedger)
      .where(
        sql`not ((${inventoryLedger.reason} = 'initial' and ${inventoryLedger.orderId} is null)
          or (${inventoryLedger.reason} in ('order_placed', 'order_cancelled') and ${inventoryLedger.orderId} is not null))`,
      );
    expect(odd?.n).toBe(0);
    const broken = rowsOf<{ id: number }>(
      await main.db.execute(sql`
        select id from (
          select id, quantity_after, sum(delta) over (partition by variant_id order by created_at, id) as running from ${inventoryLedger}
        ) l where l.running <> l.quantity_after`),
    );
    expect(broken).toEqual([]);
  });

  it('has ninety days of orders from returning customers and guest buyers, with totals, payments and stock that agree', async () => {
    expect(summary.orders).toBeGreaterThan(200);
    expect(summary.guestCustomers).toBeGreaterThan(0);
    expect(summary.guestCustomers).toBeLessThan(summary.customers);
    const [span] = rowsOf<{ days: number; first: string; last: string }>(
      await main.db.execute(sql`select count(distinct (placed_at at time zone 'UTC')::date)::int as days, min(placed_at)::text as first, max(placed_at)::text as last from ${orders}`),
    );
    expect(span!.days).toBeGreaterThan(70);
    expect(new Date(span!.first).getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 90 * 86_400_000);
    expect(new Date(span!.last).getTime()).toBeLessThan(NOW.getTime());
    const states = await main.db.selectDistinct({ status: orders.status, paymentStatus: orders.paymentStatus }).from(orders);
    expect(states).toEqual(
      expect.arrayContaining([
        { status: 'delivered', paymentStatus: 'paid' },
        { status: 'delivered', paymentStatus: 'partially_refunded' },
        { status: 'cancelled', paymentStatus: 'unpaid' },
        { status: 'fulfilled', paymentStatus: 'paid' },
      ]),
    );
    // Each order's total is its lines plus shipping (tax exclusive), its refunds match what it says was refunded, a
    // paid order has a captured payment, and every order belongs to a customer record with its email.
    const wrong = rowsOf<{ number: string }>(
      await main.db.execute(sql`
        select o.number from ${orders} o
        left join ${users} u on u.id = o.customer_id
        where o.total_cents <> o.subtotal_cents - o.discount_cents + o.shipping_cents + o.tax_cents
          or o.subtotal_cents <> (select sum(l.unit_price_cents * l.quantity) from ${orderLines} l where l.order_id = o.id)
          or o.refunded_cents <> (select coalesce(sum(r.amount_cents), 0) from ${refunds} r where r.order_id = o.id and r.status = 'succeeded')
          or (o.payment_status <> 'unpaid') <> exists (select 1 from ${payments} p where p.order_id = o.id and p.status = 'succeeded')
          or u.email is distinct from o.email
          or (o.user_id is not null and o.user_id <> o.customer_id)`),
    );
    expect(wrong).toEqual([]);
  });

  it('keeps each product’s price range equal to its active variants’ prices, with shop-like prices', async () => {
    const wrongRange = rowsOf<{ id: string }>(
      await main.db.execute(sql`
        select p.id from ${products} p
        left join (select product_id, min(price_cents) as lo, max(price_cents) as hi from ${variants} where is_active group by product_id) v
          on v.product_id = p.id
        where v.lo is null or p.price_min_cents <> v.lo or p.price_max_cents <> v.hi`),
    );
    expect(wrongRange).toEqual([]);
    const [badPrice] = await main.db
      .select({ n: count() })
      .from(variants)
      .where(
        sql`${variants.priceCents} % 100 not in (0, 99) or ${variants.currency} <> 'USD' or ${variants.compareAtPriceCents} <= ${variants.priceCents}`,
      );
    expect(badPrice?.n).toBe(0);
    const [onSale] = await main.db.select({ n: count() }).from(variants).where(sql`${variants.compareAtPriceCents} is not null`);
    expect(onSale?.n).toBeGreaterThan(0);
  });

  it('names each variant after its option values in option order', async () => {
    const mismatched = rowsOf<{ sku: string; title: string; expected: string | null }>(
      await main.db.execute(sql`
        select v.sku, v.title,
               (select string_agg(pov.value, ' / ' order by po.position)
                  from variant_option_values vov
                  join product_option_values pov on pov.id = vov.option_value_id
                  join product_options po on po.id = pov.option_id
                 where vov.variant_id = v.id) as expected
        from ${variants} v`),
    );
    expect(mismatched.filter((r) => r.title !== (r.expected ?? 'Default'))).toEqual([]);
  });

  it('creates an admin and a demo customer who can sign in with the configured passwords', async () => {
    const [admin] = await main.db.select().from(users).where(eq(users.email, 'owner@example.com'));
    expect(admin).toMatchObject({ role: 'admin', status: 'active' });
    expect(admin?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await verifyPassword(admin!.passwordHash!, ADMIN.password)).toBe(true);
    expect(await verifyPassword(admin!.passwordHash!, 'not the password')).toBe(false);

    const [customer] = await main.db.select().from(users).where(eq(users.email, CUSTOMER.email));
    expect(customer?.role).toBe('customer');
    expect(await verifyPassword(customer!.passwordHash!, CUSTOMER.password)).toBe(true);
    const saved = await main.db.select().from(addresses).where(eq(addresses.userId, customer!.id));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ countryCode: 'US', isDefaultShipping: true, isDefaultBilling: true });

    // Passwords that were given are never echoed.
    expect(logLines.join('\n')).not.toContain(ADMIN.password);
  });

  it('configures the store: settings, discount codes, shipping zones and tax rates', async () => {
    const [settings] = await main.db.select().from(storeSettings);
    expect(settings).toMatchObject({ id: 1, name: 'Northwind Supply', currency: 'USD', taxDisplay: 'exclusive', lowStockThreshold: 5 });

    const codes = await main.db.select().from(discountCodes).orderBy(discountCodes.code);
    expect(codes.map((c) => c.code)).toEqual(['SAVE5', 'WELCOME10']);
    expect(codes[0]).toMatchObject({ type: 'fixed_amount', value: 500, usageLimit: 100, isActive: true });
    expect(codes[1]).toMatchObject({ type: 'percentage', value: 10, minSubtotalCents: 5000, perCustomerLimit: 1 });

    const zones = await main.db.select().from(shippingZones).orderBy(shippingZones.position);
    const rates = await main.db.select().from(shippingRates);
    const zoneFor = (country: string) => zones.find((z) => z.countries.includes(country));
    const domestic = rates.filter((r) => r.zoneId === zoneFor('US')?.id);
    expect(domestic.find((r) => r.name === 'Standard')).toMatchObject({ priceCents: 599, freeAboveCents: 7500 });
    expect(domestic.find((r) => r.name === 'Express')).toMatchObject({ priceCents: 1499 });
    expect(zoneFor('DE')).toBeDefined();
    expect(zoneFor('JP')?.countries.length).toBeGreaterThan(100);
    const allCodes = zones.flatMap((z) => z.countries);
    expect(new Set(allCodes).size).toBe(allCodes.length);
    const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    expect(allCodes.filter((code) => !/^[A-Z]{2}$/.test(code) || regionNames.of(code) === code)).toEqual([]);

    const tax = await main.db.select().from(taxRates);
    expect(tax.find((t) => t.countryCode === 'US' && t.regionCode === 'CA')?.rateBasisPoints).toBe(725);
    expect(tax.find((t) => t.countryCode === 'US' && t.regionCode === 'NY')?.rateBasisPoints).toBe(400);
    expect(tax.find((t) => t.countryCode === 'DE' && t.regionCode === null)?.rateBasisPoints).toBe(1900);
    expect(tax.find((t) => t.countryCode === 'GB')?.rateBasisPoints).toBe(2000);
  });

  it('does nothing when run again', async () => {
    const before = await tableCounts(main.db);
    const again = await seedDatabase(main.db, { mediaStore: media, admin: ADMIN, customer: CUSTOMER });
    expect(again.skipped).toBe(true);
    expect(again.products).toBe(0);
    expect(await tableCounts(main.db)).toEqual(before);
  });
});

describe('seedDatabase from scratch a second time', () => {
  let second: DatabaseConnection | undefined;
  afterAll(async () => {
    await second?.close();
  });

  it('produces the identical catalogue (slugs, SKUs, prices, stock) and reuses the stored images', async () => {
    second = await freshDatabase();
    const lines: string[] = [];
    // Accounts from the environment this time: the configured password, or a generated one printed once.
    const result = await seedDatabase(second.db, { mediaStore: media, now: NOW, log: (line) => lines.push(line) });
    expect(result.imageFilesWritten).toBe(0);
    expect(await catalogueFingerprint(second.db)).toEqual(await catalogueFingerprint(main.db));

    const [admin] = await second.db.select().from(users).where(eq(users.role, 'admin'));
    expect(admin?.email).toBe(env.ADMIN_EMAIL.toLowerCase());
    const adminLines = lines.filter((line) => line.startsWith('Admin account:'));
    expect(adminLines).toHaveLength(1);
    if (env.ADMIN_PASSWORD) {
      expect(await verifyPassword(admin!.passwordHash!, env.ADMIN_PASSWORD)).toBe(true);
      expect(adminLines[0]).not.toContain(env.ADMIN_PASSWORD);
    } else {
      const printed = /^Admin account: (\S+) \/ (\S+) — change it after signing in$/.exec(adminLines[0]!);
      expect(printed?.[1]).toBe(env.ADMIN_EMAIL.toLowerCase());
      expect(printed![2]!.length).toBeGreaterThanOrEqual(20);
      expect(await verifyPassword(admin!.passwordHash!, printed![2]!)).toBe(true);
    }
  });
});

describe('seedDatabase when something goes wrong midway', () => {
  let third: DatabaseConnection | undefined;
  afterAll(async () => {
    await third?.close();
  });

  it('leaves nothing behind, so the next run seeds the store completely', async () => {
    third = await freshDatabase();
    // A conflicting discount code makes the seed fail after the catalogue has been written inside the transaction.
    await third.db.insert(discountCodes).values({ code: 'SAVE5', type: 'fixed_amount', value: 100, currency: 'USD' });
    await expect(seedDatabase(third.db, { mediaStore: media, products: 40, admin: ADMIN, customer: CUSTOMER })).rejects.toThrow();
    const afterFailure = await tableCounts(third.db);
    expect(afterFailure).toMatchObject({ products: 0, categories: 0, variants: 0, store_settings: 0, users: 0 });

    await third.db.delete(discountCodes);
    const retry = await seedDatabase(third.db, {
      mediaStore: media,
      products: 300,
      images: 'pooled',
      admin: ADMIN,
      customer: CUSTOMER,
    });
    expect(retry.skipped).toBe(false);
    expect(retry.activeProducts).toBe(300);
    // Large-store mode: a bounded set of shared images, every row pointing at a file that exists.
    const keys = await third.db.selectDistinct({ key: productImages.storageKey }).from(productImages);
    expect(keys.length).toBeLessThan(retry.products);
    for (const { key } of keys) {
      expect(key).toMatch(/^seed\/pool\//);
      expect(await media.exists(key)).toBe(true);
    }
  });
});
