// EXPLAIN (ANALYZE, BUFFERS) of the statements search really runs: lib/catalog/search.ts and suggest.ts are called
// through an executor that, for each statement, also runs it under EXPLAIN — so the plans are of the engine's own
// SQL, not a copy that could drift. Each statement runs three times; the fastest run is kept. Run by bench/search.ts against its seeded database (needs
// `tsx --conditions=react-server`, as the modules are server-only); prints JSON on stdout.

import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { closeConnection, db, type Executor, rowsOf } from '../db/client';
import { searchCatalog } from '../lib/catalog/search';
import { loadSearchVocabulary } from '../lib/catalog/search-vocabulary';
import { suggestSearch } from '../lib/catalog/suggest';

type Explained = { name: string; executionMs: number; planningMs: number; indexes: string[]; seqScans: string[]; plan: string };

/** Runs the statement under EXPLAIN (ANALYZE, BUFFERS) `runs` times and keeps the fastest: on a shared machine one
 * run can be slowed by anything else; the buffers show the work, the fastest run what the plan costs. */
async function explain(name: string, query: SQL, runs = 3): Promise<Explained> {
  let best: Explained | null = null;
  for (let run = 0; run < runs; run += 1) {
    const plan = rowsOf<{ 'QUERY PLAN': string }>(await db.execute(sql`explain (analyze, buffers) ${query}`))
      .map((row) => row['QUERY PLAN'])
      .join('\n');
    const explained = {
      name,
      executionMs: Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1] ?? NaN),
      planningMs: Number(/Planning Time: ([\d.]+)/.exec(plan)?.[1] ?? NaN),
      indexes: [...new Set([...plan.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: using| on) (\w+)/g)].map((m) => m[1]!))],
      seqScans: [...new Set([...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!))],
      plan,
    };
    if (!best || explained.executionMs < best.executionMs) best = explained;
  }
  return best!;
}

const dialect = new PgDialect();

/** The real executor, noting the statements whose SQL contains `marker` for EXPLAIN afterwards. */
function recording(marker: string, seen: SQL[]): Executor {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'execute') {
        return (query: SQL) => {
          const text = dialect.sqlToQuery(query).sql;
          if (text.includes(marker)) seen.push(query);
          return target.execute(query);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  }) as Executor;
}

async function main() {
  const out: Explained[] = [];
  const vocabulary = await loadSearchVocabulary();
  const cachedVocabulary = () => Promise.resolve(vocabulary);
  for (const q of ['jacket', 'boots', 'jakcet', 'sneakers', 'black jacket', 'white running shoes']) {
    const seen: SQL[] = [];
    await searchCatalog({ q }, recording('matched_variants', seen), cachedVocabulary);
    if (seen[0]) out.push(await explain(`search statement q=${q}`, seen[0]));
  }
  for (const q of ['jac', 'kettleb', 'snekaer']) {
    const seen: SQL[] = [];
    await suggestSearch(q, recording('limit', seen), cachedVocabulary);
    if (seen[0]) out.push(await explain(`suggestions statement q=${q}`, seen[0]));
  }
  // The vocabulary is cached (rebuilt after a catalogue change); what one rebuild costs.
  const started = performance.now();
  await loadSearchVocabulary();
  out.push({ name: 'vocabulary rebuild (4 statements, in parallel)', executionMs: Math.round(performance.now() - started), planningMs: 0, indexes: [], seqScans: [], plan: '' });
  process.stdout.write(JSON.stringify(out));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeConnection());
