// The postgres.js wrapper in db/client.ts patches each query's `then` to count pool occupancy (and to trace when
// OTLP is configured). This checks, against a real PostgreSQL (DATABASE_URL's server or the local default), that
// drizzle still gets its results and that the pool figures rise and fall with the real work.

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, rowsOf, type DatabaseConnection } from '@/db/client';
import { createScratchDatabase, type ScratchDatabase } from '@/db/testing/databases';

const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('db/client pool statistics on PostgreSQL', () => {
  let scratch: ScratchDatabase;
  let connection: DatabaseConnection;

  beforeAll(async () => {
    scratch = await createScratchDatabase(baseUrl, 'storefront_pool');
    connection = connectPostgres({ url: scratch.url, poolMax: 2, connectTimeoutS: 5, prepare: true });
    await connection.db.execute(sql`create table t (n int)`);
    await connection.db.execute(sql`insert into t select generate_series(1, 5)`);
  });

  afterAll(async () => {
    await connection?.close();
    await scratch?.drop();
  });

  it('counts queries beyond the pool size as waiting, and returns to zero when they settle', async () => {
    expect(connection.poolStats()).toEqual({ inUse: 0, waiting: 0, max: 2 });
    // Promise.all starts them: drizzle's queries, like postgres.js's, run when first awaited.
    const slow = Promise.all(Array.from({ length: 4 }, () => connection.db.execute(sql`select pg_sleep(0.8)`)));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(connection.poolStats()).toEqual({ inUse: 2, waiting: 2, max: 2 });
    await slow;
    expect(connection.poolStats()).toEqual({ inUse: 0, waiting: 0, max: 2 });
  });

  it('counts a transaction once for its whole duration, and failed queries still settle', async () => {
    const seen: number[] = [];
    const total = await connection.db.transaction(async (tx) => {
      seen.push(connection.poolStats()!.inUse);
      const rows = rowsOf<{ total: number }>(await tx.execute(sql`select sum(n)::int as total from t`));
      seen.push(connection.poolStats()!.inUse);
      return rows[0]?.total;
    });
    expect(total).toBe(15);
    expect(seen).toEqual([1, 1]);
    await expect(connection.db.execute(sql`select * from no_such_table`)).rejects.toThrow();
    expect(connection.poolStats()).toEqual({ inUse: 0, waiting: 0, max: 2 });
  });

  it('leaves query results untouched (array-mode selects through drizzle)', async () => {
    const rows = await connection.db
      .select({ n: sql<number>`n` })
      .from(sql`t`)
      .orderBy(sql`n`);
    expect(rows.map((row) => row.n)).toEqual([1, 2, 3, 4, 5]);
  });
});
