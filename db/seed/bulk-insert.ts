// Fast multi-row inserts for large seeds: one array parameter per column, expanded server-side by unnest().
// A drizzle `.values(rows)` insert binds one parameter per cell (capped at 65,535 per statement) and spends most of
// a large seed building those statements; this binds a handful of arrays, whatever the row count.

import { getTableColumns, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';

// Rows per statement: big enough that round trips don't matter, small enough to keep each message a few MB.
const ROWS_PER_STATEMENT = 10_000;

/**
 * Inserts rows that all set the same columns (those of the first row). Values go through each column's own
 * driver mapping (e.g. Date → ISO string), so the result is what `db.insert(table).values(rows)` would store.
 */
export async function bulkInsert<T extends PgTable>(db: Executor, table: T, rows: T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0]!);
  const targets = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${key} is not a column of this table`);
    if (column.getSQLType().endsWith(']')) throw new Error(`bulkInsert does not handle array columns (${key})`);
    // The schema relies on drizzle's snake_case casing: a column declared without a name is named after its key.
    return { key, column, name: column.keyAsName ? toSnakeCase(column.name) : column.name, type: column.getSQLType() };
  });
  const columnList = sql.join(
    targets.map((target) => sql.identifier(target.name)),
    sql`, `,
  );

  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT) as Record<string, unknown>[];
    const arrays = targets.map(({ key, column, type }) => {
      const literal = arrayLiteral(
        chunk.map((row) => {
          const value = row[key];
          return value === null || value === undefined ? null : column.mapToDriverValue(value);
        }),
      );
      // Sent as text and cast on the server: drivers guess a JS array's type from its first element (postgres.js
      // binds [true, false] as a plain boolean), and a text literal means the same thing to every driver.
      return sql`${literal}::text::${sql.raw(type)}[]`;
    });
    await db.execute(sql`insert into ${table} (${columnList}) select * from unnest(${sql.join(arrays, sql`, `)})`);
  }
}

/** A Postgres array literal: every element double-quoted, so commas, braces, quotes and the word NULL survive. */
function arrayLiteral(values: readonly unknown[]): string {
  const parts = values.map((value) => {
    if (value === null) return 'NULL';
    const text = value instanceof Date ? value.toISOString() : String(value);
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${parts.join(',')}}`;
}
