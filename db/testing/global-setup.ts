import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createScratchDatabase, type ScratchDatabase } from './databases';

// Vitest global setup for the integration project: every run gets its own fresh, migrated and seeded database —
// a new PostgreSQL database beside DATABASE_URL when it is set, otherwise a temporary PGlite data directory.
// Variables set here are inherited by the test workers, so services under test use this database.

export default async function setup() {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'storefront-it-'));
  process.env.STORAGE_DIR = path.join(workDir, 'media');
  process.env.ADMIN_PASSWORD ??= 'integration-admin-password';
  process.env.DEMO_CUSTOMER_PASSWORD ??= 'integration-customer-password';
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
