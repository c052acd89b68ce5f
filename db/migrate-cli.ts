// npm run db:migrate — applies migrations to whichever database is configured (DATABASE_URL / PG*, else PGlite).
import { databaseMode } from '@/lib/env';
import { closeConnection, getConnection } from './client';
import { runMigrations } from './migrate';

async function main() {
  const started = performance.now();
  await runMigrations(getConnection());
  console.log(`Migrations applied to ${databaseMode} in ${Math.round(performance.now() - started)} ms`);
  await closeConnection();
}

main().catch(async (error: unknown) => {
  console.error(error);
  await closeConnection().catch(() => {});
  process.exit(1);
});
