// Empties every domain table (used by `npm run db:seed -- --reset`). Migrations' own bookkeeping lives in the
// "drizzle" schema and is untouched, so the schema stays migrated.

import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import * as schema from '@/db/schema';

/** Every table declared in db/schema, by SQL name. */
export function domainTableNames(): string[] {
  return (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableName(table))
    .sort();
}

export async function resetDatabase(db: Executor): Promise<string[]> {
  const names = domainTableNames();
  // One statement: TRUNCATE of all tables at once needs no FK ordering; RESTART IDENTITY resets bigserial ids.
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  await db.execute(sql`truncate table ${list} restart identity cascade`);
  return names;
}
