// npm run bench:search — search on the 50k catalogue: uncached searches and predictive search, beside the
// references of the same run (a bare node:http server and a static asset from the same Next server), then EXPLAIN
// (ANALYZE, BUFFERS) of the statements the engine really runs (bench/search-explain.ts). Writes
// bench/results-search.md and .json. Needs a production build; stops everything and drops its database at the end.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { createScratchDatabase } from '../db/testing/databases';

const root = path.resolve(__dirname, '..');
const serverJs = path.join(root, '.next', 'standalone', 'server.js');
const { values: args } = parseArgs({
  args: process.argv.slice(2),
  options: { products: { type: 'string', default: '50000' }, duration: { type: 'string', default: '10' }, port: { type: 'string', default: '3600' } },
});
const PORT = Number(args.port);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION_S = Number(args.duration);
const BASE_DB_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
async function cleanup() {
  for (const fn of cleanups.splice(0).reverse()) await Promise.resolve(fn()).catch((error: unknown) => console.error('cleanup:', error));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

type Row = { name: string; connections: number; requests: number; reqPerSec: number; p50Ms: number; p99Ms: number; non2xx: number };

let shopper = 0;
const address = () => ((shopper += 1), `10.${(shopper >> 16) & 255}.${(shopper >> 8) & 255}.${shopper & 255}`);

async function load(name: string, url: string, paths: string[], connections: number, opts: { once?: boolean } = {}): Promise<Row> {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    // Each path once (a first request: nothing cached for it yet), or rotating for the duration.
    ...(opts.once ? { amount: paths.length } : { duration: DURATION_S }),
    timeout: 10,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length], headers: { ...req.headers, 'x-forwarded-for': address() } }) }],
  });
  const row = { name, connections, requests: result.requests.total, reqPerSec: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, non2xx: result.non2xx };
  console.log(`  ${name} @${connections}: ${row.requests} requests, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, non-2xx ${row.non2xx}`);
  return row;
}

const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' / ');

async function main() {
  // The machine may be shared: its load before and after the run says how far the figures can be trusted.
  const loadBefore = loadAverage();
  const scratch = await createScratchDatabase(BASE_DB_URL, 'storefront_bench_search');
  cleanups.push(() => scratch.drop());
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'storefront-bench-search-'));
  cleanups.push(() => rm(workDir, { recursive: true, force: true }));
  const env = { ...process.env, DATABASE_URL: scratch.url, STORAGE_DIR: path.join(workDir, 'media') };
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  execFileSync(tsx, ['db/migrate-cli.ts'], { cwd: root, env, stdio: 'inherit' });
  execFileSync(tsx, ['db/seed/cli.ts', '--products', args.products!], { cwd: root, env, stdio: 'inherit' });
  const sql = postgres(scratch.url, { max: 1, onnotice: () => {} });
  cleanups.push(() => sql.end());
  await sql`vacuum analyze`;

  await rm(path.join(path.dirname(serverJs), '.next', 'cache'), { recursive: true, force: true });
  const server = spawn(process.execPath, ['--max-old-space-size=192', serverJs], {
    cwd: path.dirname(serverJs),
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(PORT), HOSTNAME: '127.0.0.1', SITE_URL: BASE, AUTH_SECRET: randomBytes(32).toString('base64'), DATABASE_URL: scratch.url, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', STORAGE_DIR: env.STORAGE_DIR, LOG_LEVEL: 'warn', TRUSTED_PROXY_HOPS: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  cleanups.push(() => stop(server));
  for (let ready = false; !ready; ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    ready = await fetch(`${BASE}/api/ready`).then((r) => r.ok, () => false);
  }
  const bare = spawn(process.execPath, ['-e', `require('node:http').createServer((q, s) => s.end('hello world')).listen(${PORT + 1}, '127.0.0.1', () => console.log('up'))`], { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => stop(bare));
  await new Promise((resolve) => bare.stdout?.once('data', resolve));
  const chunks = path.join(path.dirname(serverJs), '.next', 'static', 'chunks');
  const staticFile = readdirSync(chunks).filter((f) => f.endsWith('.js') && statSync(path.join(chunks, f)).size >= 1024)[0]!;

  // Queries shoppers type: words, plurals, typos, transpositions, British/American, several words.
  const queries = ['jacket', 'jackets', 'jakcet', 'jackt', 'boots', 'boot', 'sneakers', 'snekaer', 'trainers', 'organizer', 'organiser', 'gray', 'black tee', 'rain boot', 'hiking boots', 'travel mug', 'yoga mat', 'sleeping bag', 'kettlebell', 'kettelbell', 'headphnes', 'earbuds', 'water bottle', 'backpack', 'rucksack', 'hoodie', 'duvet cover', 'flask', 'notebook', 'shampoo', 'cast iron', 'wireless earbuds', 'footwear', 'queen', 'xqzvw', 'leather trainer', 'skillet', 'tent', 'linen', 'merino socks'];
  const searchPages = queries.flatMap((q) => [1, 2].map((page) => `/search?q=${encodeURIComponent(q)}&page=${page}`));
  const apiSearches = queries.flatMap((q) => [1, 2, 3].map((page) => `/api/store/v1/products?q=${encodeURIComponent(q)}&page=${page}`));
  // Every beginning of every word typed (j, ja, jac, …): the keystrokes of predictive search.
  const typed = [...new Set(queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)).filter((t) => t.trim().length >= 2)))];
  const suggest = (text: string) => `/api/store/v1/search/suggestions?q=${encodeURIComponent(text)}`;

  console.log('bench:search — warming up');
  await load('warm', BASE, [`/_next/static/chunks/${staticFile}`, '/api/store/v1/search/suggestions?q=warm'], 10);
  const references = [
    await load('bare node:http (hello world)', `http://127.0.0.1:${PORT + 1}`, ['/'], 50),
    await load(`Next static asset (${staticFile})`, BASE, [`/_next/static/chunks/${staticFile}`], 50),
    await load('bare node:http, 1 connection', `http://127.0.0.1:${PORT + 1}`, ['/'], 1),
    await load('Next static asset, 1 connection', BASE, [`/_next/static/chunks/${staticFile}`], 1),
  ];
  const rows = [
    // Without a browser's Accept header the page cache stays out: each page is rendered and searched.
    await load(`search page, uncached (${searchPages.length} distinct, each once)`, BASE, searchPages, 1, { once: true }),
    await load(`Store API products?q=, uncached (${apiSearches.length} distinct, each once)`, BASE, apiSearches, 1, { once: true }),
    await load(`predictive search, uncached (${typed.length} distinct keystrokes, each once)`, BASE, typed.map(suggest), 1, { once: true }),
    await load(`predictive search, from the data cache (same ${typed.length}, rotating)`, BASE, typed.map(suggest), 1),
    await load('predictive search, from the data cache', BASE, typed.map(suggest), 50),
  ];

  const explains = JSON.parse(
    execFileSync(tsx, ['--conditions=react-server', 'bench/search-explain.ts'], { cwd: root, env: { ...env, LOG_LEVEL: 'silent' }, maxBuffer: 64 * 2 ** 20 }).toString(),
  ) as { name: string; executionMs: number; planningMs: number; indexes: string[]; seqScans: string[]; plan: string }[];
  await cleanup();
  const loadAfter = loadAverage();

  const lines = [
    '# Search benchmark',
    '',
    `\`npm run bench:search\` — ${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.version}; ${Number(args.products).toLocaleString('en-US')} products (PostgreSQL), autocannon on the same machine. Load average (1 / 5 / 15 min) before ${loadBefore}, after ${loadAfter}.`,
    '',
    '| row | conns | requests | req/s | p50 ms | p99 ms | non-2xx |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[...references, ...rows].map((r) => `| ${r.name} | ${r.connections} | ${r.requests} | ${r.reqPerSec} | ${r.p50Ms} | ${r.p99Ms} | ${r.non2xx} |`),
    '',
    'EXPLAIN (ANALYZE, BUFFERS) of the statements the engine runs, fastest of three runs (full plans in results-search.json):',
    '',
    '| statement | execution ms | planning ms | indexes used | seq scans |',
    '| --- | ---: | ---: | --- | --- |',
    ...explains.map((e) => `| ${e.name} | ${e.executionMs} | ${e.planningMs} | ${e.indexes.join(', ') || '—'} | ${e.seqScans.join(', ') || '—'} |`),
    '',
  ];
  await writeFile(path.join(root, 'bench', 'results-search.md'), lines.join('\n'));
  await writeFile(path.join(root, 'bench', 'results-search.json'), `${JSON.stringify({ loadAverage: { before: loadBefore, after: loadAfter }, references, rows, explains }, null, 2)}\n`);
  console.log(lines.join('\n'));
}

main()
  .catch((error: unknown) => {
    console.error('bench:search failed:', error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
