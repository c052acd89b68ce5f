import { PGlite } from '@electric-sql/pglite';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
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
  /** Pool occupancy for metrics; null where there is no pool (PGlite). */
  poolStats: () => PoolStats | null;
};

/**
 * postgres.js exposes no pool statistics (its connection queues are private), so these are derived from the work
 * this module hands the pool: every query outside a transaction and every transaction counts as one unit from the
 * moment it is sent until it settles. Units up to the pool size occupy a connection; the rest wait for one. It is
 * an estimate from the outside — it includes connect time and leaves out reserve()d connections (migration locks)
 * and readiness pings — but it rises and falls with the real pool, which is what an alarm on saturation needs.
 */
export type PoolStats = { inUse: number; waiting: number; max: number };

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
// random_page_cost: the stock 4.0 models spinning disks; on SSD storage (RDS gp3, local NVMe) 1.1 is the usual setting,
// and with 4.0 the planner scanned all 50k products instead of using the trigram and primary-key indexes for search.
// jit: a search over thousands of matches crosses jit_above_cost, and compiling its expressions cost ~100 ms of CPU
// for a query that runs in ~50 ms; no query here runs long enough to win that back.
export const SESSION_SETTINGS = { 'pg_trgm.word_similarity_threshold': '0.4', random_page_cost: '1.1', jit: 'off' } as const;

function withDeadline<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

// DB queries become OpenTelemetry spans only when an OTLP endpoint is configured: otherwise not even a no-op span
// is created per query. Spans carry the SQL text with its $n placeholders, never the parameter values (personal data).
const tracingEnabled = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT);

type Settle = (error?: unknown) => void;

function startQuerySpan(text: string): Settle {
  if (!tracingEnabled) return () => {};
  const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'QUERY';
  const span = trace.getTracer('storefront.db').startSpan(`db ${operation}`, {
    kind: SpanKind.CLIENT,
    attributes: { 'db.system.name': 'postgresql', 'db.operation.name': operation, 'db.query.text': text.slice(0, 2_000) },
  });
  return (error) => {
    if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : 'query failed' });
    span.end();
  };
}

type Thenable = { then: (onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) => Promise<unknown> };

/**
 * postgres.js queries are lazy thenables that run when first awaited (and expose `.values()` etc. that drizzle
 * needs), so they are not wrapped in a new promise: their own `then` is patched to time the execution.
 */
function observeQuery<T extends Thenable>(query: T, text: string, onStart?: () => Settle): T {
  const originalThen = query.then;
  let settle: Settle | undefined;
  query.then = function (this: T, onFulfilled, onRejected) {
    if (!settle) {
      const endSpan = startQuerySpan(text);
      const endUnit = onStart?.();
      settle = (error) => {
        endSpan(error);
        endUnit?.();
      };
    }
    const done = settle;
    return originalThen
      .call(
        this,
        (value: unknown) => {
          done();
          return value;
        },
        (error: unknown) => {
          done(error);
          throw error;
        },
      )
      .then(onFulfilled, onRejected);
  } as T['then'];
  return query;
}

/** The postgres.js client as drizzle sees it: queries and transactions are counted for pool stats and traced. */
function instrumentPostgres(client: postgres.Sql, stats: { inFlight: number }): postgres.Sql {
  const startUnit = (): Settle => {
    stats.inFlight += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      stats.inFlight -= 1;
    };
  };
  // Inside a transaction the connection is already counted; its queries are only traced.
  const instrumentTransaction = (tx: postgres.TransactionSql): postgres.TransactionSql =>
    new Proxy(tx, {
      get(target, property, receiver) {
        if (property === 'unsafe') {
          return (query: string, ...rest: unknown[]) =>
            observeQuery((target.unsafe as (...args: unknown[]) => Thenable)(query, ...rest), query);
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, ...rest: unknown[]) =>
          observeQuery((target.unsafe as (...args: unknown[]) => Thenable)(query, ...rest), query, startUnit);
      }
      if (property === 'begin') {
        return async (...args: unknown[]) => {
          const callback = args.pop() as (tx: postgres.TransactionSql) => unknown;
          const endUnit = startUnit();
          const endSpan = startQuerySpan('BEGIN');
          try {
            const result: unknown = await (target.begin as (...a: unknown[]) => Promise<unknown>)(...args, (tx: postgres.TransactionSql) =>
              callback(instrumentTransaction(tx)),
            );
            endSpan();
            return result;
          } catch (error) {
            endSpan(error);
            throw error;
          } finally {
            endUnit();
          }
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
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
  const stats = { inFlight: 0 };
  const db = drizzlePostgres(instrumentPostgres(client, stats), drizzleConfig) as unknown as Database;
  return {
    mode: 'postgres',
    db,
    poolStats: () => ({
      inUse: Math.min(stats.inFlight, options.poolMax),
      waiting: Math.max(0, stats.inFlight - options.poolMax),
      max: options.poolMax,
    }),
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
    poolStats: () => null,
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

/** Pool occupancy of this process's connection, without opening one (metrics must not connect). */
export function currentPoolStats(): PoolStats | null {
  return globalForDb.__storefrontDb?.poolStats() ?? null;
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
