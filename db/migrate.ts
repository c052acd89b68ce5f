import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import path from 'node:path';
import type { DatabaseConnection } from './client';

// Any fixed number: every migration runner in the cluster takes this advisory lock, so exactly one applies changes.
const MIGRATION_LOCK_ID = 7_224_101;

/** The committed migrations; traced into the standalone build by next.config.ts. */
export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Applies pending migrations. Safe to run twice and from several processes at once. */
export async function runMigrations(connection: DatabaseConnection): Promise<void> {
  await connection.withExclusiveLock(MIGRATION_LOCK_ID, async () => {
    const config = { migrationsFolder, migrationsSchema: 'drizzle', migrationsTable: '__migrations' };
    if (connection.mode === 'pglite') {
      await migratePglite(connection.db as Parameters<typeof migratePglite>[0], config);
    } else {
      await migratePostgres(connection.db as Parameters<typeof migratePostgres>[0], config);
    }
  });
}
