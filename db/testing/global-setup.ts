import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createScratchDatabase, type ScratchDatabase } from './databases';

// Vitest global setup for the integration project: every run gets its own fresh, migrated and seeded database —
// a new PostgreSQL database beside DATABASE_URL when it is set, otherwise a temporary PGlite data directory.
// Variables set here are inherited by the test workers, so services under test use this database.

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

export default async function setup() {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'storefront-it-'));
  process.env.STORAGE_DIR = path.join(workDir, 'media');
  process.env.ADMIN_PASSWORD ??= 'integration-admin-password';
  process.env.DEMO_CUSTOMER_PASSWORD ??= 'integration-customer-password';
  // Stripe on, against a local stand-in for its API (lib/payments/stripe-api.integration.test.ts listens here):
  // no test ever reaches api.stripe.com, and no real key is needed.
  process.env.STRIPE_SECRET_KEY ??= 'sk_test_integration';
  process.env.STRIPE_PUBLISHABLE_KEY ??= 'pk_test_integration';
  process.env.STRIPE_API_URL = `http://127.0.0.1:${await freePort()}`;
  let scratch: ScratchDatabase | undefined;
  if (process.env.DATABASE_URL) {
    scratch = await createScratchDatabase(process.env.DATABASE_URL, 'storefront_it');
    process.env.DATABASE_URL = scratch.url;
  } else {
    process.env.PGLITE_DATA_DIR = path.join(workDir, 'pglite');
  }

  const started = performance.now();
  const { getConnection, closeConnection } = await import('@/db/client');
  const { runMigrations } = await import('@/db/migrate');
  const { seedDatabase } = await import('@/db/seed');
  try {
    await runMigrations(getConnection());
    await seedDatabase(getConnection().db, { log: () => {} });
  } finally {
    // PGlite is single-process: release the data directory before the workers open it.
    await closeConnection();
  }
  console.log(
    `integration database: ${scratch ? `postgres ${scratch.name}` : 'pglite'} ready in ${Math.round(performance.now() - started)} ms`,
  );

  return async () => {
    await scratch?.drop();
    await rm(workDir, { recursive: true, force: true });
  };
}
