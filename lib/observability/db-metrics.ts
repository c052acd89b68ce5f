import { currentPoolStats } from '@/db/client';
import { gauge } from './metrics';

// postgres.js exposes no pool statistics, so db/client.ts counts the work it hands the pool (see PoolStats there);
// db/ imports nothing of lib/, so its gauges are declared here and read at scrape time.

gauge({
  name: 'storefront_db_pool_connections_in_use',
  help: 'PostgreSQL pool connections busy with a query or transaction (derived from in-flight work; see db/client.ts).',
  collect() {
    this.set(currentPoolStats()?.inUse ?? 0);
  },
});

gauge({
  name: 'storefront_db_pool_waiting',
  help: 'Queries or transactions waiting for a free PostgreSQL pool connection (in-flight work beyond the pool size).',
  collect() {
    this.set(currentPoolStats()?.waiting ?? 0);
  },
});

gauge({
  name: 'storefront_db_pool_max',
  help: 'PostgreSQL pool size (DATABASE_POOL_MAX); 0 for embedded PGlite, which has no pool.',
  collect() {
    this.set(currentPoolStats()?.max ?? 0);
  },
});
