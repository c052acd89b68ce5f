// npm run db:seed [-- --products N] [--no-orders] [--reset [--yes-really]]
// Migrates, then seeds the demo store into whichever database is configured (DATABASE_URL / PG*, else PGlite).

import { closeConnection, getConnection } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { databaseMode, env, isProduction } from '@/lib/env';
import { parseSeedArgs, SeedUsageError, USAGE } from './args';
import { SeedError, seedDatabase, type SeedSummary } from './index';
import { resetDatabase } from './reset';

function formatSummary(summary: SeedSummary): string {
  const rows: [string, number][] = [
    ['categories', summary.categories],
    ['products (active / draft / archived)', summary.products],
    ['featured products', summary.featuredProducts],
    ['options / option values', summary.options],
    ['variants', summary.variants],
    ['sold-out variants', summary.soldOutVariants],
    ['low-stock variants', summary.lowStockVariants],
    ['inventory ledger entries', summary.ledgerEntries],
    ['product images (rows)', summary.images],
    ['image files rendered', summary.imageFilesWritten],
    ['shipping zones / rates', summary.shippingZones],
    ['tax rates', summary.taxRates],
    ['discount codes', summary.discountCodes],
    ['accounts', summary.users],
    ['demo orders', summary.orders],
    ['demo customers (guests)', summary.customers],
  ];
  const detail: Record<string, string> = {
    'products (active / draft / archived)':
      `${summary.activeProducts} / ${summary.draftProducts} / ${summary.archivedProducts}`,
    'options / option values': `${summary.options} / ${summary.optionValues}`,
    'shipping zones / rates': `${summary.shippingZones} / ${summary.shippingRates}`,
    'demo customers (guests)': `${summary.guestCustomers} without an account`,
  };
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows
    .map(([label, value]) => {
      const extra = detail[label] ? `  (${detail[label]})` : '';
      return `  ${label.padEnd(width)}  ${value.toLocaleString('en-US').padStart(9)}${extra}`;
    })
    .join('\n');
}

async function main(): Promise<void> {
  const args = parseSeedArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (args.reset && isProduction && !args.yesReally) {
    throw new SeedUsageError(
      'Refusing --reset with NODE_ENV=production: it deletes every order, customer and product. ' +
        'Add --yes-really to confirm.',
    );
  }

  const started = performance.now();
  const connection = getConnection();
  const target = databaseMode === 'pglite' ? `PGlite at ${env.PGLITE_DATA_DIR}` : 'PostgreSQL';
  await runMigrations(connection);
  console.log(`Migrations applied to ${target} in ${Math.round(performance.now() - started)} ms`);

  if (args.reset) {
    const resetStarted = performance.now();
    const tables = await resetDatabase(connection.db);
    console.log(`Reset: emptied ${tables.length} tables in ${Math.round(performance.now() - resetStarted)} ms`);
  }

  const summary = await seedDatabase(connection.db, {
    products: args.products,
    orders: !args.noOrders,
    log: (line) => console.log(line),
  });
  if (summary.skipped) {
    console.log('The store is already seeded; nothing was changed. Use --reset to start over.');
  } else {
    console.log(`Seeded the demo store in ${summary.elapsedMs.toLocaleString('en-US')} ms:\n${formatSummary(summary)}`);
  }
  console.log(`Total time ${Math.round(performance.now() - started).toLocaleString('en-US')} ms`);
}

main()
  .then(() => closeConnection())
  .catch(async (error: unknown) => {
    // Expected refusals read as one line; anything else keeps its stack for the bug report.
    console.error(error instanceof SeedUsageError || error instanceof SeedError ? `Error: ${error.message}` : error);
    await closeConnection().catch(() => {});
    process.exit(1);
  });
