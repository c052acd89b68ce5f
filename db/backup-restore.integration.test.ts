// Restore drill: seed → place orders → scripts/backup → scripts/restore into a fresh database → the money and
// stock figures an operator would check after a restore match the source exactly. Runs against PostgreSQL
// (DATABASE_URL's server, or the local default), as the scripts are for self-hosted PostgreSQL; PGlite has no
// pg_dump. pg_dump/pg_restore must be at least the server's major version.

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { asc, eq, gt, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, rowsOf, type Database, type DatabaseConnection } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { inventoryLedger, orderLines, orders, payments, products, users, variants } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { createScratchDatabase, type ScratchDatabase } from '@/db/testing/databases';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type Figures = {
  orders: number;
  orderLines: number;
  ordersTotalCents: number;
  paymentsSucceededCents: number;
  stockOnHand: number;
  ledgerByVariant: { variantId: string; delta: number }[];
};

async function figures(db: Database): Promise<Figures> {
  const [totals] = rowsOf<Record<string, string | number>>(
    await db.execute(sql`
      select
        (select count(*) from orders)::int as orders,
        (select count(*) from order_lines)::int as order_lines,
        (select coalesce(sum(total_cents), 0) from orders)::bigint as orders_total_cents,
        (select coalesce(sum(amount_cents), 0) from payments where status = 'succeeded')::bigint as payments_cents,
        (select coalesce(sum(stock_on_hand), 0) from variants)::bigint as stock_on_hand`),
  );
  const ledger = await db
    .select({ variantId: inventoryLedger.variantId, delta: sql<number>`sum(${inventoryLedger.delta})::int` })
    .from(inventoryLedger)
    .groupBy(inventoryLedger.variantId)
    .orderBy(asc(inventoryLedger.variantId));
  return {
    orders: Number(totals?.orders),
    orderLines: Number(totals?.order_lines),
    ordersTotalCents: Number(totals?.orders_total_cents),
    paymentsSucceededCents: Number(totals?.payments_cents),
    stockOnHand: Number(totals?.stock_on_hand),
    ledgerByVariant: ledger,
  };
}

/** Orders as checkout will write them: order + lines + payment + a conditional stock decrement with its ledger entry. */
async function placeOrders(db: Database, count: number): Promise<void> {
  const customer = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.role, 'customer')).limit(1);
  const stocked = await db
    .select({ id: variants.id, productId: variants.productId, sku: variants.sku, title: variants.title, priceCents: variants.priceCents, currency: variants.currency, productTitle: products.title })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(gt(variants.stockOnHand, 5))
    .orderBy(asc(variants.sku))
    .limit(count * 2);
  expect(stocked.length).toBe(count * 2);
  for (let i = 0; i < count; i += 1) {
    const picked = [stocked[i * 2]!, stocked[i * 2 + 1]!];
    const lines = picked.map((variant, n) => ({ variant, quantity: n + 1, totalCents: variant.priceCents * (n + 1) }));
    const subtotalCents = lines.reduce((sum, line) => sum + line.totalCents, 0);
    const shippingCents = 495;
    await db.transaction(async (tx) => {
      const [order] = await tx
        .insert(orders)
        .values({
          number: `SF-DRILL${i}`,
          userId: customer[0]?.id,
          email: customer[0]?.email ?? 'guest@example.com',
          status: 'paid',
          paymentStatus: 'paid',
          currency: picked[0]!.currency,
          subtotalCents,
          shippingCents,
          totalCents: subtotalCents + shippingCents,
          shippingAddress: { name: 'Drill Customer', line1: '1 Test Street', city: 'Testville', postalCode: '12345', countryCode: 'US' },
          shippingMethod: 'Standard',
          paymentProvider: 'manual',
          paidAt: new Date(),
        })
        .returning({ id: orders.id });
      await tx.insert(orderLines).values(
        lines.map(({ variant, quantity, totalCents }) => ({
          orderId: order!.id,
          productId: variant.productId,
          variantId: variant.id,
          productTitle: variant.productTitle,
          variantTitle: variant.title,
          sku: variant.sku,
          unitPriceCents: variant.priceCents,
          quantity,
          totalCents,
        })),
      );
      await tx.insert(payments).values({
        orderId: order!.id,
        provider: 'manual',
        status: 'succeeded',
        amountCents: subtotalCents + shippingCents,
        currency: picked[0]!.currency,
        providerReference: `drill-${i}`,
        capturedAt: new Date(),
      });
      for (const { variant, quantity } of lines) {
        const [after] = await tx
          .update(variants)
          .set({ stockOnHand: sql`${variants.stockOnHand} - ${quantity}` })
          .where(sql`${variants.id} = ${variant.id} and ${variants.stockOnHand} >= ${quantity}`)
          .returning({ stockOnHand: variants.stockOnHand });
        await tx.insert(inventoryLedger).values({
          variantId: variant.id,
          delta: -quantity,
          quantityAfter: after!.stockOnHand,
          reason: 'order_placed',
          orderId: order!.id,
        });
      }
    });
  }
}

describe('backup and restore drill (scripts/backup, scripts/restore)', () => {
  let workDir = '';
  let source: ScratchDatabase | undefined;
  let sourceConnection: DatabaseConnection | undefined;
  const targetName = `storefront_restore_${Date.now().toString(36)}`;
  let dumpFile = '';

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'storefront-drill-'));
    source = await createScratchDatabase(baseUrl, 'storefront_drill');
    sourceConnection = connectPostgres({ url: source.url, poolMax: 2, connectTimeoutS: 5, prepare: true });
    await runMigrations(sourceConnection);
    // The catalogue without the demo's ninety days of orders: the drill places its own, paid in full, and counts them.
    await seedDatabase(sourceConnection.db, { log: () => {}, orders: false });
    await placeOrders(sourceConnection.db, 3);
  });

  afterAll(async () => {
    await sourceConnection?.close();
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`drop database if exists "${targetName}" with (force)`);
    } finally {
      await admin.end();
    }
    await source?.drop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('uses client tools at least as new as the server', async () => {
    const { stdout } = await run('pg_dump', ['--version']);
    const clientMajor = Number(/(\d+)\.\d+/.exec(stdout)?.[1]);
    const [row] = rowsOf<{ server_version_num: string }>(await sourceConnection!.db.execute(sql`show server_version_num`));
    const serverMajor = Math.floor(Number(row?.server_version_num) / 10_000);
    expect(clientMajor, `pg_dump ${clientMajor} cannot dump a PostgreSQL ${serverMajor} server`).toBeGreaterThanOrEqual(serverMajor);
  });

  it('restores a backup into a fresh database with the same orders, payments and stock', async () => {
    const before = await figures(sourceConnection!.db);
    expect(before.orders).toBe(3);
    expect(before.paymentsSucceededCents).toBe(before.ordersTotalCents);
    expect(before.ledgerByVariant.length).toBeGreaterThan(0);

    dumpFile = path.join(workDir, 'storefront.dump');
    const backup = await run(path.join(root, 'scripts', 'backup'), [dumpFile], { env: { ...process.env, DATABASE_URL: source!.url } });
    expect(backup.stdout.trim()).toBe(dumpFile);

    await run(path.join(root, 'scripts', 'restore'), [dumpFile, targetName], { env: { ...process.env, DATABASE_URL: source!.url } });
    const restoredUrl = new URL(source!.url);
    restoredUrl.pathname = `/${targetName}`;
    const restored = connectPostgres({ url: restoredUrl.toString(), poolMax: 1, connectTimeoutS: 5, prepare: true });
    try {
      const after = await figures(restored.db);
      expect(after).toEqual(before);
      console.log(
        `restore drill: ${after.orders} orders (${after.orderLines} lines), orders total ${after.ordersTotalCents}, ` +
          `payments ${after.paymentsSucceededCents}, stock ${after.stockOnHand}, ledger on ${after.ledgerByVariant.length} variants — identical`,
      );
    } finally {
      await restored.close();
    }
  });

  it('refuses to restore over a database that holds data, unless forced', async () => {
    const env = { ...process.env, DATABASE_URL: source!.url };
    const refused = await run(path.join(root, 'scripts', 'restore'), [dumpFile, targetName], { env }).then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(refused?.code).toBe(65);
    expect(refused?.stderr).toContain('not empty');

    await run(path.join(root, 'scripts', 'restore'), [dumpFile, targetName, '--force'], { env });
    const restoredUrl = new URL(source!.url);
    restoredUrl.pathname = `/${targetName}`;
    const restored = connectPostgres({ url: restoredUrl.toString(), poolMax: 1, connectTimeoutS: 5, prepare: true });
    try {
      expect(await figures(restored.db)).toEqual(await figures(sourceConnection!.db));
    } finally {
      await restored.close();
    }
  });
});
