import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { mkdirSync } from 'node:fs';
import postgres from 'postgres';
import { databaseMode, env } from '@/lib/env';
import * as schema from './schema';

export type Schema = typeof schema;
/** The one database type every service sees, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; services that take part in a caller's transaction accept `Database | Transaction`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;

export type DatabaseConnection = {
  mode: 'postgres' | 'pglite';
  db: Database;
  /** A plain query with a deadline, for readiness checks; rejects on timeout. */
  ping: (timeoutMs: number) => Promise<void>;
  close: () => Promise<void>;
  /** Run fn while holding a cluster-wide lock (an advisory lock on Postgres; PGlite has a single connection). */
  withExclusiveLock: <T>(lockId: number, fn: () => Promise<T>) => Promise<T>;
};

export type PostgresOptions = {
  url?: string;
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  ssl?: 'require' | 'verify-full' | false;
  poolMax: number;
  connectTimeoutS: number;
  prepare: boolean;
};

const drizzleConfig = { schema, casing: 'snake_case' } as const;

// Session settings every connection gets. pg_trgm's default word-similarity threshold (0.6) misses one-letter typos
// in short words ("glaier" → "Glacier" scores 0.5); 0.4 catches them and the ranking keeps weak matches last.
// Set per session rather than per query so the `<%` operator keeps using the trigram index.
export const SESSION_SETTINGS = { 'pg_trgm.word_similarity_threshold': '0.4' } as const;

function withDeadline<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export function connectPostgres(options: PostgresOptions): DatabaseConnection {
  const clientOptions: postgres.Options<Record<string, postgres.PostgresType>> = {
    max: options.poolMax,
    connect_timeout: options.connectTimeoutS,
    idle_timeout: 30,
    // Recycle connections so a failover or a rotated credential is picked up without a restart.
    max_lifetime: 60 * 30,
    prepare: options.prepare,
    onnotice: () => {},
    connection: { application_name: 'storefront', ...SESSION_SETTINGS },
    ssl: options.ssl === 'verify-full' ? 'verify-full' : options.ssl === 'require' ? 'require' : false,
    host: options.host,
    port: options.port,
    user: options.user,
    password: options.password,
    database: options.database,
  };
  const client = options.url ? postgres(options.url, clientOptions) : postgres(clientOptions);
  const db = drizzlePostgres(client, drizzleConfig) as unknown as Database;
  return {
    mode: 'postgres',
    db,
    ping: async (timeoutMs) => {
      await withDeadline(client`select 1`, timeoutMs, 'PostgreSQL');
    },
    close: () => client.end({ timeout: 5 }),
    withExclusiveLock: async (lockId, fn) => {
      const reserved = await client.reserve();
      try {
        await reserved`select pg_advisory_lock(${lockId})`;
        return await fn();
      } finally {
        await reserved`select pg_advisory_unlock(${lockId})`.catch(() => {});
        reserved.release();
      }
    },
  };
}

export function connectPglite(dataDir: string): DatabaseConnection {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir, { extensions: { pg_trgm } });
  // One session for the process's lifetime: settings applied once hold for every query. Queued before any other.
  void client.exec(
    Object.entries(SESSION_SETTINGS)
      .map(([name, value]) => `set ${name} = '${value}';`)
      .join('\n'),
  );
  const db = drizzlePglite(client, drizzleConfig) as unknown as Database;
  return {
    mode: 'pglite',
    db,
    ping: async (timeoutMs) => {
      await withDeadline(client.query('select 1'), timeoutMs, 'PGlite');
    },
    close: () => client.close(),
    withExclusiveLock: (_lockId, fn) => fn(),
  };
}

function connectFromEnv(): DatabaseConnection {
  if (databaseMode === 'pglite') return connectPglite(env.PGLITE_DATA_DIR);
  const sslMode = env.PGSSLMODE;
  return connectPostgres({
    url: env.DATABASE_URL,
    host: env.PGHOST,
    port: env.PGPORT,
    user: env.PGUSER,
    password: env.PGPASSWORD,
    database: env.PGDATABASE,
    ssl: sslMode === 'verify-full' || sslMode === 'verify-ca' ? 'verify-full' : sslMode === 'require' ? 'require' : false,
    poolMax: env.DATABASE_POOL_MAX,
    connectTimeoutS: env.DATABASE_CONNECT_TIMEOUT_S,
    prepare: env.DATABASE_PREPARED_STATEMENTS,
  });
}

// One connection per process. Next may evaluate this module in several bundles (instrumentation, routes, pages);
// two PGlite instances on one data directory would corrupt it, so the instance lives on globalThis.
const globalForDb = globalThis as typeof globalThis & { __storefrontDb?: DatabaseConnection };

export function getConnection(): DatabaseConnection {
  globalForDb.__storefrontDb ??= connectFromEnv();
  return globalForDb.__storefrontDb;
}

export async function closeConnection(): Promise<void> {
  const connection = globalForDb.__storefrontDb;
  globalForDb.__storefrontDb = undefined;
  await connection?.close();
}

/** The application's database. Connects lazily on first use. */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const target = getConnection().db as unknown as Record<PropertyKey, unknown>;
    const value = target[property];
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  },
});

/** Rows of a raw `db.execute` result: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
