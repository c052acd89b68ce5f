// npm run bench — load benchmark of the standalone production build on a large seeded catalog (issue 8).
//
// Builds nothing: run `npm run build` first. One run creates a scratch PostgreSQL database, migrates and seeds it,
// starts the standalone server on it (with Redis), measures time to ready, then loads each page/API with autocannon
// at 50 and 200 connections, beside two references from the same run (a bare node:http server and a static asset
// served by the same Next server): these machines are noisy, so ratios within one run are what count. Page loads are
// sent as a browser sends them, so they are answered by the page cache (a shopper with a cart included); the same
// product pages requested without a browser's Accept header, and an uncached search at 1 connection, show what a
// render costs (a page-cache miss). It ends with
// EXPLAIN (ANALYZE, BUFFERS) of the search queries and writes bench/results.md and bench/results.json.
// Targets are printed as pass/miss; a miss never fails the exit code. Everything started is stopped, and the
// scratch database dropped, even on failure or Ctrl-C.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { SESSION_SETTINGS } from '../db/client';
import { createScratchDatabase, type ScratchDatabase } from '../db/testing/databases';
import { createCartCookie, lighthouseMarkdown, lighthouseTarget, type LighthouseResult, REFERENCE_BENCHMARK_INDEX, runLighthouse } from './lighthouse';

const root = path.resolve(__dirname, '..');
const serverJs = path.join(root, '.next', 'standalone', 'server.js');

const { values: args } = parseArgs({
  args: process.argv.slice(2),
  options: {
    products: { type: 'string', default: '50000' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50,200' },
    port: { type: 'string', default: '3600' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});
if (args.help) {
  console.log(`Usage: npm run bench -- [--products N] [--duration S] [--warmup S] [--connections 50,200] [--port 3600]
  Needs a production build (npm run build), PostgreSQL (DATABASE_URL's server, else postgres@127.0.0.1:5432)
  and Redis (REDIS_URL, else 127.0.0.1:6379). Uses --port and the next port.`);
  process.exit(0);
}
const PRODUCTS = Number(args.products);
const DURATION_S = Number(args.duration);
const WARMUP_S = Number(args.warmup);
const LEVELS = args.connections.split(',').map(Number);
const PORT = Number(args.port);
const BARE_PORT = PORT + 1;
const BASE = `http://127.0.0.1:${PORT}`;
const EURO_PRODUCTS = 'product (100 popular, rotating), euro area market';
const BASE_DB_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SERVER_HEAP_MB = 192;
const RENDER_DIAGNOSTIC = 'product rendered per request (500 rotating; diagnostic: what a page-cache miss costs)';

// ---- cleanup, whatever happens --------------------------------------------------------------------------------

const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | null = null;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        console.error('cleanup step failed:', error);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the server and dropping the scratch database…`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

// ---- measurement helpers ---------------------------------------------------------------------------------------

type Scenario = {
  name: string;
  connections: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  status5xx: number;
  maxRssMb: number | null;
  /** How long the server took to work off its queue after the run (see drain()). */
  drainMs: number;
  note?: string;
};

function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

type RequestSpec = NonNullable<autocannon.Options['requests']>[number];

async function load(
  name: string,
  opts: { url: string; connections: number; durationS: number; requests?: RequestSpec[]; amount?: number; pid?: number },
): Promise<Scenario> {
  let maxRss = rssMb(opts.pid);
  const sampler = setInterval(() => {
    const now = rssMb(opts.pid);
    if (now !== null && (maxRss === null || now > maxRss)) maxRss = now;
  }, 200);
  try {
    const result = await autocannon({
      url: opts.url,
      connections: opts.connections,
      duration: opts.durationS,
      amount: opts.amount,
      timeout: 10,
      requests: opts.requests,
    });
    const r = result as autocannon.Result & { '5xx'?: number };
    return {
      name,
      connections: opts.connections,
      reqPerSec: Math.round(r.requests.average),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      requests: r.requests.total,
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
      status5xx: r['5xx'] ?? 0,
      maxRssMb: maxRss === null ? null : Math.round(maxRss),
      drainMs: opts.pid ? await drain() : 0,
    };
  } finally {
    clearInterval(sampler);
  }
}

// Shoppers come from many addresses, and every per-address rate limit (Store API, add to cart, checkout) is real:
// the server runs with TRUSTED_PROXY_HOPS=1, as behind a load balancer, and each request names its own client in
// X-Forwarded-For, so the limits apply per simulated shopper rather than to the one load generator.
let shopperSeq = 0;
function shopperAddress(): string {
  const n = (shopperSeq += 1);
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** A GET whose path rotates through `paths`. */
function rotating(paths: string[], headers: Record<string, string> = {}): RequestSpec[] {
  let i = 0;
  return [
    {
      method: 'GET',
      setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length], headers: { ...req.headers, ...headers, 'x-forwarded-for': shopperAddress() } }),
    },
  ];
}

/** What a browser sends when it navigates to a page; anonymous page requests like these use the page cache. */
const BROWSER_NAVIGATION = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-encoding': 'gzip, deflate, br, zstd',
  'sec-fetch-dest': 'document',
};

/** Page loads by browsers rotating through `paths`; `cookie` makes them a returning shopper's. */
function pages(paths: string[], cookie?: string): RequestSpec[] {
  return rotating(paths, cookie ? { ...BROWSER_NAVIGATION, cookie } : BROWSER_NAVIGATION);
}

async function waitForReady(server: ChildProcess, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (server.exitCode !== null) throw new Error(`server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${BASE}/api/ready`);
      if (response.status === 200) return performance.now();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`server not ready within ${timeoutMs} ms`);
}

/**
 * autocannon stops sending at the end of a run but the server still works through what it queued; wait until it
 * answers /api/ready (a database and Redis round trip, so it queues behind the pool) quickly again, so that one
 * scenario's backlog is not billed to the next.
 */
async function drain(limitMs = 240_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    const t0 = performance.now();
    try {
      await fetch(`${BASE}/api/ready`, { signal: AbortSignal.timeout(limitMs) });
    } catch {
      // keep waiting
    }
    if (performance.now() - t0 < 50) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return Math.round(performance.now() - started);
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        out[index] = await fn(items[index]!);
      }
    }),
  );
  return out;
}

function tsx(script: string, scriptArgs: string[], env: Record<string, string>) {
  execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), [script, ...scriptArgs], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  });
}

// ---- the run ---------------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(serverJs)) {
    console.error('bench: no production build at .next/standalone/server.js — run `npm run build` first (the bench builds nothing).');
    process.exit(2);
  }
  const runStarted = performance.now();
  const cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown';
  const machine = {
    cores: os.cpus().length,
    cpuModel,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
  };
  console.log(`bench: ${machine.cores} cores, ${cpuModel}, Node ${machine.node}; ${PRODUCTS} products, ${DURATION_S}s per scenario`);

  // 1. scratch database, migrated and seeded
  const scratch: ScratchDatabase = await createScratchDatabase(BASE_DB_URL, 'storefront_bench');
  cleanups.push(() => scratch.drop());
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'storefront-bench-'));
  cleanups.push(() => rm(workDir, { recursive: true, force: true }));
  const dbEnv = { DATABASE_URL: scratch.url, STORAGE_DIR: path.join(workDir, 'media') };
  let t = performance.now();
  tsx('db/migrate-cli.ts', [], dbEnv);
  const migrateMs = performance.now() - t;
  t = performance.now();
  tsx('db/seed/cli.ts', ['--products', String(PRODUCTS)], dbEnv);
  const seedMs = performance.now() - t;
  console.log(`bench: migrated in ${Math.round(migrateMs)} ms, seeded ${PRODUCTS} products in ${(seedMs / 1000).toFixed(1)} s`);

  // The application's session settings, so that EXPLAIN shows the plans the server gets.
  const sql = postgres(scratch.url, { max: 2, onnotice: () => {}, connection: { ...SESSION_SETTINGS } });
  cleanups.push(() => sql.end());
  // Autovacuum would vacuum and analyze the fresh tables within minutes in any real deployment; do it now so the plans
  // below are the ones production would get (an index-only scan needs the visibility map a vacuum sets).
  await sql`vacuum analyze`;

  // Facts for the scenarios.
  const slugs = (await sql<{ slug: string }[]>`select slug from products where status = 'active' order by random() limit 500`).map((r) => r.slug);
  const [category] = await sql<{ slug: string; n: number }[]>`
    select c.slug, count(distinct p.id)::int as n from categories c
    join product_categories pc on pc.category_id = c.id join products p on p.id = pc.product_id
    join variants v on v.product_id = p.id
    where p.status = 'active' and v.option_tokens && array['size=M']::text[] and v.stock_on_hand > 0
    group by c.slug order by n desc limit 1`;
  const variantIds = (
    await sql<{ id: string }[]>`
      select v.id from variants v join products p on p.id = v.product_id
      where p.status = 'active' and v.is_active and v.stock_on_hand > 10 order by random() limit 500`
  ).map((r) => r.id);
  const [hot] = await sql<{ id: string; stock: number }[]>`
    select v.id, v.stock_on_hand as stock from variants v join products p on p.id = v.product_id
    where p.status = 'active' and v.is_active order by v.stock_on_hand desc limit 1`;
  const [rate] = await sql<{ id: string }[]>`
    select r.id from shipping_rates r join shipping_zones z on z.id = r.zone_id
    where 'US' = any(z.countries) and r.is_active order by r.position limit 1`;
  if (!category || !hot || !rate || slugs.length === 0) throw new Error('seeded catalog lacks the facts the bench needs');
  const hotVariant = hot;
  const categoryPath = `/categories/${category.slug}?opt.size=M&in_stock=1&sort=price_asc`;
  const categoryPaths = [1, 2, 3].map((page) => `${categoryPath}&page=${page}`);
  const searchQueries = ['jacket', 'linen shirt', 'wool', 'boots', 'jakcet', 'backpack', 'hoodie', 'sneakers'];
  const searchPaths = searchQueries.map((q) => `/search?q=${encodeURIComponent(q)}`);
  const productPaths = slugs.map((slug) => `/products/${slug}`);
  // Shoppers' page views concentrate on a store's popular products; the cached product scenario rotates over 100.
  const popularProductPaths = productPaths.slice(0, 100);
  const apiPaths = [
    '/api/store/v1/products',
    '/api/store/v1/products?sort=price_asc',
    '/api/store/v1/products?page=2',
    `/api/store/v1/products?category=${category.slug}`,
  ];

  // 2. the standalone server, from spawn to the first 200 of /api/ready
  const standaloneDir = path.dirname(serverJs);
  await rm(path.join(standaloneDir, '.next', 'cache'), { recursive: true, force: true });
  const serverEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    NEXT_MANUAL_SIG_HANDLE: 'true',
    PORT: String(PORT),
    HOSTNAME: '127.0.0.1',
    SITE_URL: BASE,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    DATABASE_URL: scratch.url,
    REDIS_URL,
    STORAGE_DIR: dbEnv.STORAGE_DIR,
    METRICS_TOKEN: randomBytes(16).toString('hex'),
    LOG_LEVEL: 'warn',
    TRUSTED_PROXY_HOPS: '1',
  };
  const spawnedAt = performance.now();
  // The heap capped as in a small container task (infra/ sets 75 % of the task's memory): on this 24 GB machine V8
  // would otherwise size its heap from the host and collect lazily. Admission control keeps the work in progress —
  // and so the live heap — bounded under any load.
  const server = spawn(process.execPath, [`--max-old-space-size=${SERVER_HEAP_MB}`, serverJs], { cwd: standaloneDir, env: serverEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(() => stopProcess(server));
  const serverLog: string[] = [];
  server.stdout?.on('data', (chunk: Buffer) => serverLog.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => serverLog.push(chunk.toString()));
  // Kept after the run (outside the repo) for a look when something failed.
  cleanups.push(() => writeFile(path.join(os.tmpdir(), 'storefront-bench-server.log'), serverLog.join('')).catch(() => {}));
  const readyMs = Math.round((await waitForReady(server, 60_000)) - spawnedAt);
  const idleRssMb = Math.round(rssMb(server.pid) ?? 0);
  console.log(`bench: server ready in ${readyMs} ms (RSS ${idleRssMb} MB)`);

  // Bare node:http reference in its own process, so it does not share autocannon's event loop.
  const bare = spawn(
    process.execPath,
    ['-e', `require('node:http').createServer((q, s) => s.end('hello world')).listen(${BARE_PORT}, '127.0.0.1', () => console.log('up'))`],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  cleanups.push(() => stopProcess(bare));
  await new Promise<void>((resolve, reject) => {
    bare.stdout?.once('data', () => resolve());
    bare.once('exit', (code) => reject(new Error(`bare node:http server exited (${code})`)));
  });

  // The static reference: the smallest JS chunk under /_next/static — a file served as-is, with no rendering.
  const chunksDir = path.join(standaloneDir, '.next', 'static', 'chunks');
  const staticFile = readdirSync(chunksDir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ f, size: statSync(path.join(chunksDir, f)).size }))
    .filter((x) => x.size >= 1024)
    .sort((a, b) => a.size - b.size)[0];
  if (!staticFile) throw new Error('no static chunk found');
  const staticPath = `/_next/static/chunks/${staticFile.f}`;

  // The seed stocks a variant with at most a few hundred units; the checkout runs set the hot variant's stock the
  // way staff would (a ledger entry with the change, so "ledger sum = stock on hand" keeps holding).
  async function setStock(stock: number, reason: 'received' | 'correction') {
    await sql.begin(async (tx) => {
      const [row] = await tx<{ stock: number }[]>`select stock_on_hand as stock from variants where id = ${hotVariant.id} for update`;
      const delta = stock - row!.stock;
      if (delta === 0) return;
      await tx`update variants set stock_on_hand = ${stock} where id = ${hotVariant.id}`;
      await tx`insert into inventory_ledger (variant_id, delta, quantity_after, reason, note)
        values (${hotVariant.id}, ${delta}, ${stock}, ${reason}, 'npm run bench')`;
    });
  }

  // Carts for the checkout scenario: each buyer has a cart with one unit of the same hot variant.
  const cartsPerLevel = 1000;
  async function makeCarts(n: number): Promise<string[]> {
    await drain();
    return mapLimit(Array.from({ length: n }, (_, i) => i), 16, async () => {
      // Set-up, not measurement: a slow answer (the server still busy with an earlier scenario) is retried.
      for (let attempt = 1; ; attempt++) {
        try {
          const response = await fetch(`${BASE}/api/store/v1/carts/current/lines`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': shopperAddress() },
            body: JSON.stringify({ variantId: hotVariant.id, quantity: 1 }),
            signal: AbortSignal.timeout(30_000),
          });
          if (response.status !== 201) throw new Error(`cart setup failed: ${response.status} ${await response.text()}`);
          return ((await response.json()) as { token: string }).token;
        } catch (error) {
          if (attempt >= 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, 2_000 * attempt));
        }
      }
    });
  }

  const pid = server.pid;
  type Target = { name: string; requests: () => RequestSpec[] };
  const addToCartBody = () => {
    let i = 0;
    return [
      {
        method: 'POST' as const,
        headers: { 'content-type': 'application/json' },
        setupRequest: (req: autocannon.Request) => ({
          ...req,
          headers: { ...req.headers, 'x-forwarded-for': shopperAddress() },
          path: '/api/store/v1/carts/current/lines',
          body: JSON.stringify({ variantId: variantIds[i++ % variantIds.length], quantity: 1 }),
        }),
      },
    ];
  };
  // A returning shopper: a cart (and the header's hint of it). Catalogue pages are the same HTML for them.
  const [shopperCart] = await makeCarts(1);
  const shopperCookie = `sf_cart=${shopperCart}; sf_cart_items=1`;
  const targets: Target[] = [
    { name: 'home', requests: () => pages(['/']) },
    { name: 'category + 2 filters', requests: () => pages(categoryPaths) },
    { name: 'product (100 popular, rotating)', requests: () => pages(popularProductPaths) },
    // The same pages for a shopper in the seeded euro area: each market has its own cached copy.
    { name: EURO_PRODUCTS, requests: () => pages(popularProductPaths, 'sf_market=eu') },
    { name: 'search (8 rotating queries incl. a typo)', requests: () => pages(searchPaths) },
    { name: 'product, shopper with a cart (500 rotating)', requests: () => pages(productPaths, shopperCookie) },
    // Not a shopper's path: without a browser's Accept header the page cache stays out, so every request is rendered.
    { name: RENDER_DIAGNOSTIC, requests: () => rotating(productPaths) },
    { name: 'Store API product list', requests: () => rotating(apiPaths) },
    { name: 'add to cart (new cart each)', requests: addToCartBody },
  ];

  const scenarios: Scenario[] = [];
  const refs: Scenario[] = [];

  console.log('bench: warming up…');
  await load('warm static', { url: BASE, connections: 10, durationS: WARMUP_S, requests: rotating([staticPath]), pid });

  // 3. references (50 connections)
  refs.push(await load('bare node:http (hello world)', { url: `http://127.0.0.1:${BARE_PORT}`, connections: 50, durationS: DURATION_S }));
  refs.push(await load(`Next static asset (${staticPath}, ${staticFile.size} B)`, { url: BASE, connections: 50, durationS: DURATION_S, requests: rotating([staticPath]), pid }));
  // What any request through Next's route handlers costs before it does anything: a POST whose body fails validation
  // (no database, no Redis). No Store API write can be faster than this on the same machine.
  refs.push(
    await load('Next route handler floor (POST answered 422, no I/O)', {
      url: BASE,
      connections: 50,
      durationS: DURATION_S,
      pid,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, path: '/api/store/v1/carts/current/lines', headers: { ...req.headers, 'x-forwarded-for': shopperAddress() }, body: '{"variantId":"none","quantity":1}' }),
        },
      ],
    }),
  );
  for (const ref of refs) console.log(`  ref ${ref.name}: ${ref.reqPerSec} req/s`);

  for (const connections of LEVELS) {
    // Warm up every route right before measuring each level (compiles nothing in production, but fills the caches as
    // a steady stream of shoppers keeps them, JIT and the pool): a level measures the steady state, not what the pages
    // went through while the previous level ran.
    for (const target of targets) await load(`warm ${target.name}`, { url: BASE, connections: 10, durationS: WARMUP_S, requests: target.requests(), pid });
    for (const target of targets) {
      const s = await load(target.name, { url: BASE, connections, durationS: DURATION_S, requests: target.requests(), pid });
      scenarios.push(s);
      console.log(`  ${target.name} @${connections}: ${s.reqPerSec} req/s, p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, non-2xx ${s.non2xx}, errors ${s.errors}`);
    }
  }

  // Checkout: many buyers, one hot variant, 1 unit each.
  type CheckoutResult = Scenario & { label: string; ordersPlaced: number; ordersPerSec: number; rejected: Record<string, number>; stockBefore: number; stockAfter: number; ordersInDb: number; unitsInDb: number; ledgerSum: number; oversell: boolean; unacknowledged: number; elapsedS: number };
  const checkouts: CheckoutResult[] = [];
  // One run per level with ample stock (throughput), then a sell-out: more buyers than units, all at once.
  const checkoutRuns = [
    ...LEVELS.map((connections) => ({ connections, carts: cartsPerLevel, stock: 100_000, label: 'ample stock' })),
    { connections: LEVELS[LEVELS.length - 1]!, carts: 400, stock: 150, label: 'sell-out: 400 buyers, 150 units' },
  ];
  // Checkout is the one path the page and API warm-up above did not run: place a few orders first, unmeasured.
  await setStock(100_000, 'received');
  await mapLimit(await makeCarts(200), 10, async (token) => {
    await fetch(`${BASE}/api/store/v1/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': shopperAddress(), 'idempotency-key': randomUUID(), 'x-cart-token': token },
      body: JSON.stringify({
        email: 'warm-up@example.com',
        shippingAddress: { name: 'Warm Up', line1: '1 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105', countryCode: 'US' },
        shippingRateId: rate.id,
        paymentProvider: 'manual',
      }),
    });
  });
  for (const run of checkoutRuns) {
    const connections = run.connections;
    await setStock(100_000, 'received');
    const tCarts = performance.now();
    const tokens = await makeCarts(run.carts);
    console.log(`  (${run.carts} carts made in ${((performance.now() - tCarts) / 1000).toFixed(1)} s)`);
    await setStock(run.stock, 'correction');
    const [before] = await sql<{ stock: number }[]>`select stock_on_hand as stock from variants where id = ${hotVariant.id}`;
    const [ledgerMark] = await sql<{ maxId: string }[]>`select coalesce(max(id), 0)::text as "maxId" from inventory_ledger`;
    const maxLedger = ledgerMark!.maxId;
    const startedAt = new Date();
    const statuses: Record<string, number> = {};
    let i = 0;
    const t0 = performance.now();
    let lastResponseAt = t0;
    const s = await load(`checkout (${run.label})`, {
      url: BASE,
      connections,
      durationS: run.label === 'ample stock' ? DURATION_S : 60,
      amount: tokens.length,
      pid,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const n = i++;
            return {
              ...req,
              path: '/api/store/v1/checkout',
              headers: {
                'content-type': 'application/json',
                'x-forwarded-for': shopperAddress(),
                'idempotency-key': randomUUID(),
                'x-cart-token': tokens[n % tokens.length]!,
              },
              body: JSON.stringify({
                email: `buyer${n}@example.com`,
                shippingAddress: { name: `Buyer ${n}`, line1: '1 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105', countryCode: 'US' },
                shippingRateId: rate.id,
                paymentProvider: 'manual',
              }),
            };
          },
          onResponse: (status) => {
            statuses[status] = (statuses[status] ?? 0) + 1;
            lastResponseAt = performance.now();
          },
        },
      ],
    });
    // Until the last answer: a run that used up its carts ends before the duration.
    const elapsedS = (lastResponseAt - t0) / 1000;
    const [after] = await sql<{ stock: number }[]>`select stock_on_hand as stock from variants where id = ${hotVariant.id}`;
    const [db] = await sql<{ orders: number; units: number }[]>`
      select count(distinct o.id)::int as orders, coalesce(sum(l.quantity), 0)::int as units
      from orders o join order_lines l on l.order_id = o.id where l.variant_id = ${hotVariant.id} and o.created_at >= ${startedAt}`;
    const [ledger] = await sql<{ sum: number }[]>`
      select coalesce(sum(delta), 0)::int as sum from inventory_ledger where variant_id = ${hotVariant.id} and id > ${maxLedger}`;
    const ordersPlaced = statuses['201'] ?? 0;
    const decrement = before!.stock - after!.stock;
    const rejected = Object.fromEntries(Object.entries(statuses).filter(([code]) => code !== '201'));
    const c: CheckoutResult = {
      ...s,
      label: run.label,
      ordersPlaced,
      ordersPerSec: Math.round((ordersPlaced / elapsedS) * 10) / 10,
      rejected,
      stockBefore: before!.stock,
      stockAfter: after!.stock,
      ordersInDb: db!.orders,
      unitsInDb: db!.units,
      ledgerSum: ledger!.sum,
      // Oversold: more units left the shelf than it held, or stock, orders and ledger disagree. Orders a buyer was not
      // told about (the load generator gave up waiting) are not oversold: they are counted in `unacknowledged`.
      oversell: after!.stock < 0 || db!.units > before!.stock || decrement !== db!.units || -ledger!.sum !== decrement || ordersPlaced > db!.orders,
      unacknowledged: db!.orders - ordersPlaced,
      elapsedS: Math.round(elapsedS * 10) / 10,
    };
    checkouts.push(c);
    scenarios.push({ ...s, reqPerSec: c.ordersPerSec, note: `orders/s; ${ordersPlaced} placed` });
    console.log(
      `  checkout ${run.label} @${connections}: ${c.ordersPerSec} orders/s (${ordersPlaced} in ${c.elapsedS}s), p99 ${s.p99Ms} ms, 5xx ${s.status5xx}, other ${JSON.stringify(rejected)}; stock ${c.stockBefore}→${c.stockAfter}, db units ${c.unitsInDb}, ledger ${c.ledgerSum}, oversell ${c.oversell}, placed but not acknowledged ${c.unacknowledged}`,
    );
  }

  // 4. search: server time of an uncached search at low concurrency (a returning shopper's request, which the page
  // cache never answers; the search query itself is never cached), then EXPLAIN.
  const uniqueSearchPaths = searchQueries.flatMap((q) => [1, 2, 3, 4, 5].map((page) => `/search?q=${encodeURIComponent(q)}&page=${page}`));
  // Without a browser's Accept header the page cache stays out: every search is rendered and run against the database.
  const searchLow = await load('search page, uncached, 1 connection', { url: BASE, connections: 1, durationS: DURATION_S, requests: rotating(uniqueSearchPaths), pid });
  console.log(`  search @1: ${searchLow.reqPerSec} req/s, p50 ${searchLow.p50Ms} ms, p99 ${searchLow.p99Ms} ms`);

  const explains = await explainSearch(sql);
  for (const e of explains) console.log(`  EXPLAIN ${e.name}: ${e.executionMs} ms; indexes ${e.indexes.join(', ') || 'none'}; seq scans ${e.seqScans.join(', ') || 'none'}`);

  // JavaScript a shopper downloads for a product page: every script the HTML names, gzipped as a CDN would serve it.
  const productHtml = await (await fetch(`${BASE}${productPaths[0]}`)).text();
  // noModule scripts (Next's legacy polyfills) are skipped by every browser that runs modules, so they are not counted.
  const scriptUrls = [
    ...new Set([...productHtml.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].filter((m) => !/nomodule/i.test(m[1]! + m[3]!)).map((m) => m[2]!)),
  ];
  let productJsGzipBytes = 0;
  let productJsBrotliBytes = 0;
  for (const src of scriptUrls) {
    const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
    productJsGzipBytes += gzipSync(body, { level: 9 }).length;
    productJsBrotliBytes += brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  const productJsKb = Math.round(productJsGzipBytes / 1024);
  const productJsBrotliKb = Math.round(productJsBrotliBytes / 1024);
  console.log(`  product page JavaScript: ${scriptUrls.length} scripts, ${productJsKb} KB gzipped (${productJsBrotliKb} KB brotli)`);

  // Lighthouse (mobile; the median of 3 runs per page) on the pages a shopper lands on. The category page is the canonical one: the filtered path
  // above is noindex by design, which Lighthouse's SEO category counts against it.
  const lighthouse = await runLighthouse(BASE, [
    { name: 'home', path: '/' },
    { name: 'category', path: `/categories/${category.slug}` },
    { name: 'product', path: productPaths[0]! },
    { name: 'cart', path: '/cart', cookie: await createCartCookie(BASE, variantIds[0]!, { 'x-forwarded-for': shopperAddress() }) },
  ], { runs: 3 });
  for (const line of lighthouseMarkdown(lighthouse)) console.log(`  ${line}`);

  const finalRssMb = Math.round(rssMb(server.pid) ?? 0);
  await cleanup();
  const runSeconds = Math.round((performance.now() - runStarted) / 1000);

  // 5. targets, results
  const staticRps = refs[1]!.reqPerSec;
  const at = (name: string, c: number) => scenarios.find((s) => s.name === name && s.connections === c);
  const maxRss = Math.max(...scenarios.map((s) => s.maxRssMb ?? 0), refs[1]!.maxRssMb ?? 0, searchLow.maxRssMb ?? 0);
  const low = LEVELS[0]!;
  const high = LEVELS[LEVELS.length - 1]!;
  const targetsTable: { target: string; measured: string; pass: boolean }[] = [];
  for (const name of ['home', 'category + 2 filters', 'product (100 popular, rotating)']) {
    const s = at(name, low);
    if (s) targetsTable.push({ target: `${name} ≥ 0.8× static req/s @${low}`, measured: `${(s.reqPerSec / staticRps).toFixed(2)}×`, pass: s.reqPerSec >= 0.8 * staticRps });
  }
  const atHigh = scenarios.filter((s) => s.connections === high && !s.name.startsWith('checkout') && s.name !== RENDER_DIAGNOSTIC);
  // A page that completed nothing within the duration has no latency figures: every request timed out or is queued.
  const p99Of = (s: Scenario) => (s.requests === 0 ? Infinity : s.p99Ms);
  const worstP99 = atHigh.reduce((a, b) => (p99Of(b) > p99Of(a) ? b : a));
  const over = atHigh.filter((s) => p99Of(s) > 250).map((s) => s.name);
  targetsTable.push({
    target: `p99 ≤ 250 ms @${high} (every page/API a shopper or client uses; not the render diagnostic)`,
    measured: `worst ${worstP99.requests === 0 ? 'no request completed' : `${worstP99.p99Ms} ms`} (${worstP99.name}); over: ${over.join(', ') || 'none'}`,
    pass: over.length === 0,
  });
  const home = at('product (100 popular, rotating)', low);
  const euro = at(EURO_PRODUCTS, low);
  if (home && euro) {
    targetsTable.push({ target: `${EURO_PRODUCTS} ≥ 0.9× the default market's @${low} (served from the page cache alike)`, measured: `${(euro.reqPerSec / home.reqPerSec).toFixed(2)}×`, pass: euro.reqPerSec >= 0.9 * home.reqPerSec });
  }
  for (const name of ['Store API product list', 'add to cart (new cart each)']) {
    const s = at(name, low);
    if (s) targetsTable.push({ target: `${name} ≥ 1,000 req/s @${low}`, measured: `${s.reqPerSec} req/s`, pass: s.reqPerSec >= 1000 });
  }
  const c50 = checkouts[0]!;
  const sellOut = checkouts[checkouts.length - 1]!;
  targetsTable.push({
    target: `checkout ≥ 100 orders/s @${low} buyers, 0 oversell, 0 5xx`,
    measured: `${c50.ordersPerSec} orders/s, oversell ${checkouts.some((c) => c.oversell) ? 'YES' : '0'} (sell-out run: ${sellOut.ordersPlaced} placed for ${sellOut.stockBefore} units), 5xx ${checkouts.reduce((n, c) => n + c.status5xx, 0)}`,
    pass: c50.ordersPerSec >= 100 && !checkouts.some((c) => c.oversell) && checkouts.every((c) => c.status5xx === 0),
  });
  targetsTable.push({ target: 'search p99 ≤ 100 ms (1 connection, uncached)', measured: `${searchLow.p99Ms} ms`, pass: searchLow.p99Ms <= 100 });
  targetsTable.push({ target: 'RSS ≤ 300 MB (max during run)', measured: `${maxRss} MB`, pass: maxRss <= 300 });
  targetsTable.push({ target: 'time to ready ≤ 1.5 s', measured: `${readyMs} ms`, pass: readyMs <= 1500 });
  targetsTable.push({ target: 'product page JavaScript ≤ 120 KB gzipped', measured: `${productJsKb} KB in ${scriptUrls.length} scripts (brotli: ${productJsBrotliKb} KB)`, pass: productJsKb <= 120 });
  for (const r of lighthouse) targetsTable.push(lighthouseTarget(r));

  const results = {
    machine,
    config: { products: PRODUCTS, durationS: DURATION_S, warmupS: WARMUP_S, connections: LEVELS, loadGenerator: 'autocannon 8.0.0 (same machine)', staticReference: staticPath, serverHeapMb: SERVER_HEAP_MB },
    setup: { migrateMs: Math.round(migrateMs), seedMs: Math.round(seedMs), readyMs, idleRssMb, finalRssMb, category: category.slug, hotVariantStock: hot.stock },
    references: refs,
    scenarios: scenarios.map((s) => ({ ...s, ratioToStatic: s.name.startsWith('checkout') ? null : Math.round((s.reqPerSec / staticRps) * 100) / 100 })),
    checkout: checkouts,
    search: { lowConcurrency: searchLow, explain: explains },
    targets: targetsTable,
    lighthouse,
    runSeconds,
  };
  await writeFile(path.join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const md = markdown(results);
  await writeFile(path.join(root, 'bench', 'results.md'), md);
  console.log(`\n${md}`);
}

type Explain = { name: string; sql: string; executionMs: number; planningMs: number; indexes: string[]; seqScans: string[]; plan: string };

// The statement lib/catalog/search.ts runs for a free-text search (first page, no filters, relevance), with literal
// values: the matched products, their active variants and the matches that have one as CTEs, then count, page and
// facets over those.
async function explainSearch(sql: postgres.Sql): Promise<Explain[]> {
  const statement = (q: string) => {
    const tsquery = `websearch_to_tsquery('english', '${q}')`;
    const buckets = [
      [0, 2500],
      [2500, 5000],
      [5000, 10000],
      [10000, 20000],
      [20000, null],
    ];
    const flags = buckets.map(([min, max], i) => `bool_or(v.price_cents >= ${min}${max === null ? '' : ` and v.price_cents < ${max}`}) as b${i}`).join(', ');
    const counts = buckets.map((_, i) => `count(*) filter (where b${i})::int as b${i}`).join(', ');
    return `with matched as materialized (
        select p.id, p.price_min_cents, p.sales_count, p.created_at, ts_rank_cd(p.search_vector, ${tsquery}) + word_similarity('${q}', p.title) as rank
        from products p
        where p.status = 'active' and p.price_min_cents is not null and (p.search_vector @@ ${tsquery} or '${q}' <% p.title)),
      matched_variants as materialized (
        select v.product_id, v.price_cents, v.stock_on_hand, v.option_tokens from variants v
        where v.is_active and v.product_id in (select id from matched)),
      matched_products as materialized (select * from matched where id in (select product_id from matched_variants)),
      option_counts as (
        select token, count(*)::int as count from (
          select distinct v.product_id, v.token from (select v.product_id, unnest(v.option_tokens) as token from matched_variants v) as v) as product_tokens
        group by token)
      select (select count(*)::int from matched_products p) as total,
        array_to_json(array(select p.id from matched_products p order by p.rank desc, p.sales_count desc, p.id limit 24 offset 0)) as ids,
        array_to_json(array(select row_to_json(f) from (
          select child.slug, child.name, count(distinct p.id)::int as count from matched_products p
          cross join lateral (select pc.category_id from product_categories pc where pc.product_id = p.id offset 0) as pc
          join categories c on c.id = pc.category_id
          join categories child on c.path = child.path or starts_with(c.path, child.path || '/')
          where child.parent_id is null
          group by child.id, child.slug, child.name, child.position order by child.position, child.name) as f)) as categories,
        (select json_agg(o) from option_counts as o) as options,
        (select json_agg(n) from (
          select k.key, (select po.name from product_options po where lower(po.name) = k.key order by po.name limit 1) as name
          from (select distinct split_part(token, '=', 1) from option_counts) as k(key)) as n) as option_names,
        (select row_to_json(b) from (
          select ${counts}, count(*) filter (where in_stock)::int as in_stock
          from (select ${flags}, bool_or(v.stock_on_hand > 0) as in_stock from matched_variants v group by v.product_id) as product_flags) as b) as price_and_stock`;
  };
  const queries = ['jacket', 'boots', 'jakcet'].map((q) => ({ name: `search statement q=${q}`, sql: statement(q) }));
  const out: Explain[] = [];
  for (const query of queries) {
    const rows = await sql.unsafe<{ 'QUERY PLAN': string }[]>(`explain (analyze, buffers) ${query.sql}`);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    const indexes = [...new Set([...plan.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: using| on) (\w+)/g)].map((m) => m[1]!))];
    const seqScans = [...new Set([...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!))];
    out.push({
      name: query.name,
      sql: query.sql.replace(/\s+/g, ' '),
      executionMs: Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1] ?? NaN),
      planningMs: Number(/Planning Time: ([\d.]+)/.exec(plan)?.[1] ?? NaN),
      indexes,
      seqScans,
      plan,
    });
  }
  return out;
}

function markdown(r: {
  machine: Record<string, unknown>;
  config: { products: number; durationS: number; connections: number[]; staticReference: string; serverHeapMb: number };
  setup: { migrateMs: number; seedMs: number; readyMs: number; idleRssMb: number };
  references: Scenario[];
  scenarios: (Scenario & { ratioToStatic: number | null })[];
  checkout: { label: string; connections: number; ordersPerSec: number; ordersPlaced: number; elapsedS: number; rejected: Record<string, number>; stockBefore: number; stockAfter: number; unitsInDb: number; ledgerSum: number; oversell: boolean; unacknowledged: number; status5xx: number; p99Ms: number }[];
  search: { lowConcurrency: Scenario; explain: Explain[] };
  targets: { target: string; measured: string; pass: boolean }[];
  lighthouse: LighthouseResult[];
  runSeconds: number;
}): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push('# Benchmark results', '');
  lines.push(`\`npm run bench\` — ${m.date}. Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGb} GiB, Node ${m.node}, ${m.platform}.`);
  lines.push(
    `Catalog: ${r.config.products.toLocaleString('en-US')} products on PostgreSQL (scratch database), Redis; ${r.config.durationS} s per scenario after a warm-up; load from autocannon on the same machine (it competes with the server for the 2 cores, so absolute figures are pessimistic — compare ratios). Page loads carry a browser's Accept and Accept-Encoding headers, so anonymous ones are answered by the page cache, gzipped. The server's heap is capped at ${r.config.serverHeapMb} MB (\`--max-old-space-size\`), as in a small container task.`,
  );
  lines.push(`Setup: migrate ${r.setup.migrateMs} ms, seed ${(r.setup.seedMs / 1000).toFixed(1)} s, **time to ready ${r.setup.readyMs} ms**, idle RSS ${r.setup.idleRssMb} MB. Whole run ${r.runSeconds} s.`, '');
  lines.push('## Targets', '', '| target | measured | |', '| --- | --- | --- |');
  for (const t of r.targets) lines.push(`| ${t.target} | ${t.measured} | ${t.pass ? 'pass' : '**miss**'} |`);
  lines.push('', '## References (50 connections)', '', '| reference | req/s | p50 ms | p99 ms |', '| --- | ---: | ---: | ---: |');
  for (const s of r.references) lines.push(`| ${s.name} | ${s.reqPerSec} | ${s.p50Ms} | ${s.p99Ms} |`);
  lines.push('', '## Scenarios', '', '| scenario | conns | req/s | × static | p50 ms | p99 ms | done | non-2xx | errors/timeouts | max RSS MB | drain s |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of r.scenarios) {
    lines.push(
      `| ${s.name}${s.note ? ` (${s.note})` : ''} | ${s.connections} | ${s.reqPerSec} | ${s.ratioToStatic ?? '—'} | ${s.p50Ms} | ${s.p99Ms} | ${s.requests} | ${s.non2xx} | ${s.errors}/${s.timeouts} | ${s.maxRssMb ?? '—'} | ${(s.drainMs / 1000).toFixed(1)} |`,
    );
  }
  lines.push('', '## Checkout (one hot variant, each buyer a cart with 1 unit)', '', '| run | buyers | orders/s | placed | in s | other statuses | stock before → after | units in orders | ledger sum | oversell | placed, not acknowledged | 5xx | p99 ms |', '| --- | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | --- | ---: | ---: | ---: |');
  for (const c of r.checkout) {
    lines.push(
      `| ${c.label} | ${c.connections} | ${c.ordersPerSec} | ${c.ordersPlaced} | ${c.elapsedS} | ${JSON.stringify(c.rejected)} | ${c.stockBefore} → ${c.stockAfter} | ${c.unitsInDb} | ${c.ledgerSum} | ${c.oversell ? '**yes**' : 'none'} | ${c.unacknowledged} | ${c.status5xx} | ${c.p99Ms} |`,
    );
  }
  const sl = r.search.lowConcurrency;
  lines.push('', '## Search', '', `Search page at 1 connection, uncached (requested without a browser's Accept header, so the page cache stays out; the search query itself is never cached; ${sl.requests} requests over 8 queries × 5 pages): ${sl.reqPerSec} req/s, p50 ${sl.p50Ms} ms, p99 ${sl.p99Ms} ms.`, '');
  lines.push('EXPLAIN (ANALYZE, BUFFERS) of the query shapes in lib/catalog/search.ts:', '', '| query | execution ms | planning ms | indexes used | seq scans |', '| --- | ---: | ---: | --- | --- |');
  for (const e of r.search.explain) lines.push(`| ${e.name} | ${e.executionMs} | ${e.planningMs} | ${e.indexes.join(', ') || '—'} | ${e.seqScans.join(', ') || '—'} |`);
  lines.push('', 'Full plans are in results.json (`search.explain[].plan`).', '');
  lines.push(`## Lighthouse (mobile emulation, simulated throttling with the CPU slowdown calibrated to a benchmark index of ${REFERENCE_BENCHMARK_INDEX.toLocaleString('en-US')}, Debian Chromium)`, '', ...lighthouseMarkdown(r.lighthouse), '');
  return `${lines.join('\n')}\n`;
}

main()
  .catch(async (error: unknown) => {
    console.error('bench failed:', error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
  });
