// npm run bench:cluster — two standalone instances behind HAProxy on loopback, sharing PostgreSQL and Redis.
//
// Proves, and prints, that the store scales out: a cart made on one instance is the same cart on the other; a
// session signed in on one is signed in on the other; a catalogue write on one shows at once on the other's cached
// pages; a rate limit counted on one is enforced by the other; and
// when one instance is killed (SIGKILL, no goodbye) in the middle of a checkout load, every order a buyer was told
// about exists exactly once, no cart has two orders, and the stock ledger still sums to the stock.
//
// Builds nothing: run `npm run build` first. Needs HAProxy (`apt-get install -y haproxy`), PostgreSQL
// (DATABASE_URL's server, else postgres@127.0.0.1:5432), Redis (REDIS_URL, else 127.0.0.1:6379) and Chromium
// (CHROMIUM_PATH, else /usr/bin/chromium) for the browser sign-in. Exits non-zero when a check fails.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import postgres from 'postgres';
import sharp from 'sharp';
import { createScratchDatabase } from '../db/testing/databases';

const root = path.resolve(__dirname, '..');
const serverJs = path.join(root, '.next', 'standalone', 'server.js');
const PROXY_PORT = Number(process.env.CLUSTER_PORT ?? 3700);
const INSTANCE_PORTS = [PROXY_PORT + 1, PROXY_PORT + 2];
const PROXY = `http://127.0.0.1:${PROXY_PORT}`;
const direct = (i: number) => `http://127.0.0.1:${INSTANCE_PORTS[i]}`;
const BASE_DB_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CUSTOMER = { email: 'cluster-customer@example.com', password: 'cluster-customer-password' };
const ADMIN = { email: 'cluster-admin@example.com', password: 'cluster-admin-password' };
const BUYERS = Number(process.env.CLUSTER_BUYERS ?? 60);

const cleanups: (() => Promise<unknown> | unknown)[] = [];
async function cleanup() {
  for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch((error: unknown) => console.error('cleanup step failed:', error));
  cleanups.length = 0;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

const results: { check: string; ok: boolean; detail: string }[] = [];
function report(check: string, ok: boolean, detail: string) {
  results.push({ check, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${check} — ${detail}`);
}

async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

async function waitFor(url: string, timeoutMs = 60_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms`);
}

async function json(response: Response) {
  const text = await response.text();
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { raw: text.slice(0, 200) };
  }
}

async function main() {
  if (!existsSync(serverJs)) throw new Error('no production build at .next/standalone/server.js — run `npm run build` first');
  const haproxyBin = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].find((p) => existsSync(p));
  if (!haproxyBin) throw new Error('HAProxy is not installed — `apt-get install -y haproxy`');

  const scratch = await createScratchDatabase(BASE_DB_URL, 'storefront_cluster');
  cleanups.push(() => scratch.drop());
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'storefront-cluster-'));
  cleanups.push(() => rm(workDir, { recursive: true, force: true }));
  const dbEnv = {
    ...process.env,
    DATABASE_URL: scratch.url,
    STORAGE_DIR: path.join(workDir, 'media'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    DEMO_CUSTOMER_EMAIL: CUSTOMER.email,
    DEMO_CUSTOMER_PASSWORD: CUSTOMER.password,
  };
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  execFileSync(tsx, ['db/migrate-cli.ts'], { cwd: root, env: dbEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  // No demo orders: the checks below count every order in the database as one this run placed.
  execFileSync(tsx, ['db/seed/cli.ts', '--no-orders'], { cwd: root, env: dbEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  const sql = postgres(scratch.url, { max: 2, onnotice: () => {} });
  cleanups.push(() => sql.end());

  // Two instances of the same build, sharing the database, Redis, the media directory and the auth secret.
  const shared: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    NEXT_MANUAL_SIG_HANDLE: 'true',
    HOSTNAME: '127.0.0.1',
    SITE_URL: PROXY,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    DATABASE_URL: scratch.url,
    REDIS_URL,
    STORAGE_DIR: dbEnv.STORAGE_DIR,
    LOG_LEVEL: 'warn',
    TRUSTED_PROXY_HOPS: '2',
  };
  const instances: ChildProcess[] = INSTANCE_PORTS.map((port) => {
    const child = spawn(process.execPath, [serverJs], {
      cwd: path.dirname(serverJs),
      env: { ...shared, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    cleanups.push(() => stop(child));
    return child;
  });
  await Promise.all(INSTANCE_PORTS.map((_, i) => waitFor(`${direct(i)}/api/ready`)));

  const config = `global
  maxconn 4096
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  timeout check 2s
  # Only failed connections are retried elsewhere: a request that reached a dying instance is the client's to retry.
  retries 2
  option redispatch
  # Appends the peer it saw to X-Forwarded-For; the instances trust two hops (a CDN, then this balancer), so each
  # simulated buyer's own X-Forwarded-For entry is its address for the per-address limits.
  option forwardfor
frontend store
  bind 127.0.0.1:${PROXY_PORT}
  default_backend app
backend app
  balance roundrobin
  option httpchk GET /api/health
  http-check expect status 200
${INSTANCE_PORTS.map((port, i) => `  server app${i} 127.0.0.1:${port} check inter 500 fall 2 rise 1`).join('\n')}
`;
  const configPath = path.join(workDir, 'haproxy.cfg');
  await writeFile(configPath, config);
  const proxy = spawn(haproxyBin, ['-f', configPath, '-db'], { stdio: ['ignore', 'ignore', 'inherit'] });
  cleanups.push(() => stop(proxy));
  await waitFor(`${PROXY}/api/health`);
  console.log(`cluster: HAProxy on ${PROXY_PORT} → instances on ${INSTANCE_PORTS.join(', ')}; database ${scratch.name}\n`);

  const [hot] = await sql<{ id: string; stock: number }[]>`
    select v.id, v.stock_on_hand as stock from variants v join products p on p.id = v.product_id
    where p.status = 'active' and v.is_active order by v.stock_on_hand desc limit 1`;
  const [rate] = await sql<{ id: string }[]>`
    select r.id from shipping_rates r join shipping_zones z on z.id = r.zone_id
    where 'US' = any(z.countries) and r.is_active order by r.position limit 1`;
  if (!hot || !rate) throw new Error('the seeded catalog lacks an in-stock variant or a US shipping rate');
  // Enough stock that every buyer can succeed: what is measured is loss and duplication, not selling out.
  await sql`update variants set stock_on_hand = stock_on_hand + ${BUYERS * 2} where id = ${hot.id}`;
  await sql`insert into inventory_ledger (variant_id, delta, quantity_after, reason, note)
    values (${hot.id}, ${BUYERS * 2}, ${hot.stock + BUYERS * 2}, 'received', 'bench:cluster')`;

  // 1. A cart made on instance A is the same cart on instance B.
  const created = await json(await fetch(`${direct(0)}/api/store/v1/carts`, { method: 'POST' }));
  const token = String(created.token);
  const added = await fetch(`${direct(1)}/api/store/v1/carts/current/lines`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cart-token': token },
    body: JSON.stringify({ variantId: hot.id, quantity: 2 }),
  });
  const seenOnA = await json(await fetch(`${direct(0)}/api/store/v1/carts/current`, { headers: { 'x-cart-token': token } }));
  const lines = ((seenOnA.cart as { lines?: { quantity: number }[] } | undefined)?.lines ?? []).map((l) => l.quantity);
  report('cart across instances', added.status === 201 && lines.length === 1 && lines[0] === 2, `created on A, line added on B (${added.status}), A shows quantities [${lines.join(', ')}]`);

  // 2. A session signed in on instance A is signed in on instance B (JWT sessions, one AUTH_SECRET).
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  cleanups.push(() => browser.close());
  /** Signs in on instance A in Chromium, as a person would; the session's cookies as a Cookie header. */
  async function signInOnA(account: { email: string; password: string }, returnTo: string, arrived: RegExp): Promise<string> {
    const context = await browser.newContext({ baseURL: direct(0) });
    const page = await context.newPage();
    await page.goto(`/account/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill(account.email);
    await form.getByLabel('Password').fill(account.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(arrived, { timeout: 15_000 });
    const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    await context.close();
    return cookies;
  }
  const cookieHeader = await signInOnA(CUSTOMER, '/account', /\/account$/);
  const onB = await fetch(`${direct(1)}/account`, { headers: { cookie: cookieHeader }, redirect: 'manual' });
  const onBText = onB.status === 200 ? await onB.text() : '';
  report('session across instances', onB.status === 200 && onBText.includes(CUSTOMER.email), `signed in on A; B answered /account with ${onB.status}${onB.status === 200 ? ', showing the customer' : ''}`);

  // 2b. A catalogue write on instance A shows at once on instance B's cached pages (the invalidation goes through
  // Redis): B serves a product page from its page cache, staff add an image on A, and B's next answer has it.
  const [product] = await sql<{ id: string; slug: string }[]>`select id, slug from products where status = 'active' order by created_at limit 1`;
  if (!product) throw new Error('the seeded catalog has no active product');
  const pageOnB = () => fetch(`${direct(1)}/products/${product.slug}`, { headers: { accept: 'text/html' } });
  let before = '';
  for (let i = 0; i < 20 && before !== 'hit'; i++) before = (await pageOnB()).headers.get('x-page-cache') ?? '';
  const staffCookies = await signInOnA(ADMIN, '/admin', /\/admin$/);
  const alt = `Cluster check ${randomUUID().slice(0, 8)}`;
  const upload = new FormData();
  upload.set('file', new Blob([new Uint8Array(await sharp({ create: { width: 320, height: 240, channels: 3, background: '#36c' } }).png().toBuffer())], { type: 'image/png' }), 'check.png');
  upload.set('altText', alt);
  const written = await fetch(`${direct(0)}/api/admin/products/${product.id}/images`, { method: 'POST', headers: { cookie: staffCookies, origin: PROXY }, body: upload });
  const writtenAt = performance.now();
  let after: Response = await pageOnB();
  let afterHtml = await after.text();
  for (let i = 0; i < 20 && !afterHtml.includes(alt); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    after = await pageOnB();
    afterHtml = await after.text();
  }
  const shownAfterMs = Math.round(performance.now() - writtenAt);
  report(
    'catalogue write across instances',
    written.status === 201 && before === 'hit' && afterHtml.includes(alt),
    `B served the product page from its cache (${before || 'no answer'}); an image added on A (${written.status}) was on B's page ${afterHtml.includes(alt) ? `${shownAfterMs} ms later (x-page-cache: ${after.headers.get('x-page-cache')})` : 'not within 1 s'}`,
  );

  // 3. A rate limit counted on one instance is enforced by the other: alternate guest order lookups between them
  // until one refuses; with a shared counter the other must refuse too (per-instance counters would still allow).
  let allowed = 0;
  let refusedOn = -1;
  for (let i = 0; i < 500 && refusedOn < 0; i++) {
    const target = i % 2;
    const response = await fetch(`${direct(target)}/api/store/v1/orders/SF-NOTREAL1`, { headers: { 'x-order-email': 'nobody@example.com' } });
    if (response.status === 429) refusedOn = target;
    else allowed += 1;
  }
  const other = refusedOn < 0 ? null : await fetch(`${direct(1 - refusedOn)}/api/store/v1/orders/SF-NOTREAL1`, { headers: { 'x-order-email': 'nobody@example.com' } });
  report(
    'rate limit across instances',
    refusedOn >= 0 && other?.status === 429,
    refusedOn < 0 ? 'no 429 in 500 lookups' : `${allowed} lookups allowed in turn on A and B, then 429 on ${refusedOn ? 'B' : 'A'} and ${other?.status} on ${refusedOn ? 'A' : 'B'}`,
  );

  // 4. Kill one instance in the middle of a checkout load. Each buyer fills a cart, then places it with one
  // Idempotency-Key, retrying on network errors and 5xx as a real client would, until it gets an answer.
  const buyers = await Promise.all(
    Array.from({ length: BUYERS }, async (_, i) => {
      const address = `10.0.${i >> 8}.${(i & 255) + 1}`;
      const res = await json(
        await fetch(`${PROXY}/api/store/v1/carts/current/lines`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
          body: JSON.stringify({ variantId: hot.id, quantity: 1 }),
        }),
      );
      return { token: String(res.token), key: randomUUID(), address };
    }),
  );
  const stockBefore = Number((await sql<{ s: number }[]>`select stock_on_hand as s from variants where id = ${hot.id}`)[0]!.s);
  let retries = 0;
  const failures: string[] = [];
  const started = Date.now();
  const placeOne = async (buyer: { token: string; key: string; address: string }) => {
    for (let attempt = 0; attempt < 40; attempt++) {
      try {
        const response = await fetch(`${PROXY}/api/store/v1/checkout`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-cart-token': buyer.token, 'idempotency-key': buyer.key, 'x-forwarded-for': buyer.address },
          body: JSON.stringify({
            email: `buyer-${buyer.key.slice(0, 8)}@example.com`,
            shippingAddress: { name: 'Cluster Buyer', line1: '1 Load Street', city: 'Austin', region: 'TX', postalCode: '73301', countryCode: 'US' },
            shippingRateId: rate.id,
          }),
          signal: AbortSignal.timeout(20_000),
        });
        if (response.status === 200 || response.status === 201) return String(((await json(response)).order as { number: string }).number);
        if (response.status < 500 && response.status !== 409 && response.status !== 429) {
          failures.push(`${response.status} ${JSON.stringify(await json(response)).slice(0, 120)}`);
          return null;
        }
      } catch {
        // connection reset by the dying instance, or a timeout: retry with the same key
      }
      retries += 1;
      await new Promise((resolve) => setTimeout(resolve, 250 + attempt * 250));
    }
    failures.push('no answer after 40 attempts');
    return null;
  };
  const placing = Promise.all(buyers.map(placeOne));
  // Kill instance A once the load is under way.
  await new Promise((resolve) => setTimeout(resolve, 400));
  const killedAt = Date.now() - started;
  instances[0]!.kill('SIGKILL');
  const acknowledged = (await placing).filter((n): n is string => n !== null);
  const elapsed = Date.now() - started;

  const numbers = new Set(acknowledged);
  const stored = await sql<{ number: string }[]>`select number from orders where number in ${sql([...numbers])}`;
  const byCart = await sql`select source_cart_id from orders group by source_cart_id having count(*) > 1`;
  const ordersTotal = Number((await sql<{ n: number }[]>`select count(*)::int as n from orders`)[0]!.n);
  const [stock] = await sql<{ s: number; ledger: number }[]>`
    select v.stock_on_hand as s, (select coalesce(sum(delta), 0)::int from inventory_ledger l where l.variant_id = v.id) as ledger
    from variants v where v.id = ${hot.id}`;
  report(
    'no acknowledged order lost',
    stored.length === numbers.size && acknowledged.length === BUYERS,
    `${acknowledged.length}/${BUYERS} buyers got an order number (${retries} retries, instance A killed at ${killedAt} ms, all answered by ${elapsed} ms); ${stored.length} of those numbers are in the database${failures.length ? `; failures: ${failures.slice(0, 3).join(' | ')}` : ''}`,
  );
  report(
    'no order duplicated',
    numbers.size === acknowledged.length && byCart.length === 0 && ordersTotal === numbers.size,
    `${numbers.size} distinct numbers for ${acknowledged.length} buyers; ${ordersTotal} orders in the database; ${byCart.length} carts with more than one order`,
  );
  report(
    'stock and ledger agree',
    stock!.s === stock!.ledger && stockBefore - stock!.s === ordersTotal,
    `stock ${stockBefore} → ${stock!.s} (${ordersTotal} sold); ledger sums to ${stock!.ledger}`,
  );
}

main()
  .catch((error: unknown) => {
    report('run', false, error instanceof Error ? error.message : String(error));
  })
  .finally(async () => {
    await cleanup();
    const failed = results.filter((r) => !r.ok).length;
    console.log(`\ncluster: ${results.length - failed}/${results.length} checks passed`);
    process.exit(failed ? 1 : 0);
  });
