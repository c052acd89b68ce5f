#!/usr/bin/env node
// Smoke checks of a standalone build, the same for every Node version CI runs it on (.ci/run):
//
//   node scripts/smoke.mjs --dir <copy of .next/standalone> --port 3300 [--node <node binary>] [--log <file>]
//
// Starts `<node> server.js` in --dir on a migrated and seeded PostgreSQL database (DATABASE_URL), with REDIS_URL when
// set, and checks: /api/health, /api/ready, the home page, a product page and its image (through Next's image
// optimizer, which writes .next/cache), a checkout through the Store API (a line added to a new cart, then
// POST /api/store/v1/checkout with a manual payment, and the order found in the database), /api/metrics answering
// 404 without METRICS_TOKEN, a SIGTERM drain that exits 0, and no unhandled error or refused write (EACCES, EROFS) in
// the server's log. Exits non-zero with the server's log on the first failed check. Needs `psql` (for the shipping rate and the order). --uid/--gid run the server as another user
// (root only), e.g. to prove it needs no write access to its own directory.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string' },
    port: { type: 'string' },
    node: { type: 'string', default: process.execPath },
    log: { type: 'string' },
    uid: { type: 'string' },
    gid: { type: 'string' },
  },
});
if (!args.dir || !args.port) {
  console.error('usage: node scripts/smoke.mjs --dir <standalone dir> --port <port> [--node <binary>] [--log <file>]');
  process.exit(2);
}
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('smoke: DATABASE_URL must name a migrated and seeded PostgreSQL database');
  process.exit(2);
}

const dir = path.resolve(args.dir);
const base = `http://127.0.0.1:${args.port}`;
const logFile = args.log ?? path.join(os.tmpdir(), `storefront-smoke-${args.port}.log`);
const nodeVersion = execFileSync(args.node, ['--version'], { encoding: 'utf8' }).trim();
console.log(`smoke: ${args.node} (${nodeVersion}) serving ${dir} on ${base}`);

// Production as deployed, minus the secrets the checks are about: no METRICS_TOKEN, so /api/metrics must be hidden.
const env = {
  ...process.env,
  NODE_ENV: 'production',
  // As the container image sets it: Next leaves SIGTERM to the app's drain, which the last check exercises.
  NEXT_MANUAL_SIG_HANDLE: 'true',
  PORT: args.port,
  HOSTNAME: '127.0.0.1',
  SITE_URL: base,
  AUTH_SECRET: randomBytes(32).toString('base64'),
  LOG_LEVEL: 'info',
  // As the AWS stack sets it: the app's own figures go to CloudWatch as Embedded Metric Format log lines.
  METRICS_EMF_NAMESPACE: 'Storefront/smoke',
  // Own key prefix: rate-limit counts of earlier runs sharing this Redis do not carry over.
  REDIS_KEY_PREFIX: `smoke-${randomBytes(6).toString('hex')}`,
};
delete env.METRICS_TOKEN;

// Something already answering on the port would pass every check below in the server's place.
if (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(() => true, () => false)) {
  console.error(`smoke: ${base} already answers; choose a free --port`);
  process.exit(2);
}

const log = createWriteStream(logFile);
const server = spawn(args.node, ['server.js'], {
  cwd: dir,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
  ...(args.uid ? { uid: Number(args.uid) } : {}),
  ...(args.gid ? { gid: Number(args.gid) } : {}),
});
server.stdout.pipe(log);
server.stderr.pipe(log);
const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
let serverExit = null;
void exited.then((result) => (serverExit = result));
// CI interrupted: take the server down with us rather than leave it holding the port.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.kill('SIGKILL');
    process.exit(130);
  });
}

async function fail(message) {
  console.error(`smoke FAILED: ${message}`);
  if (serverExit === null) {
    server.kill('SIGKILL');
    await exited;
  }
  await new Promise((resolve) => log.end(resolve));
  console.error(`--- server log (${logFile}), last 60 lines ---`);
  console.error(readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-60).join('\n'));
  process.exit(1);
}

function check(condition, message) {
  if (!condition) return fail(message);
  return undefined;
}

async function request(pathname, init = {}) {
  const response = await fetch(`${base}${pathname}`, { ...init, signal: AbortSignal.timeout(15_000) });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body, text: () => body.toString('utf8'), json: () => JSON.parse(body.toString('utf8')) };
}

function sql(query) {
  return execFileSync('psql', [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', query], { encoding: 'utf8' }).trim();
}

// --- start ---------------------------------------------------------------------------------------------------------

const startedAt = performance.now();
for (;;) {
  if (serverExit) await fail(`server exited during start (${JSON.stringify(serverExit)})`);
  if (performance.now() - startedAt > 60_000) await fail('no answer from /api/health within 60 s');
  const up = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
  if (up) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
console.log(`up in ${Math.round(performance.now() - startedAt)} ms`);

const health = await request('/api/health');
console.log(`health: HTTP ${health.status} ${health.text()}`);
await check(health.status === 200, 'health is not 200');

const ready = await request('/api/ready');
console.log(`ready:  HTTP ${ready.status} ${ready.text()}`);
await check(ready.status === 200 && ready.json().status === 'ready', 'not ready');

const home = await request('/');
console.log(`home:   HTTP ${home.status}, ${home.body.length} bytes`);
await check(home.status === 200 && home.text().includes('<html'), 'home page did not render');

// --- a product, its page and its image -----------------------------------------------------------------------------

const list = await request('/api/store/v1/products?in_stock=1&per_page=5');
await check(list.status === 200, `product list answered ${list.status}`);
const summary = list.json().data[0];
await check(summary !== undefined, 'the store has no product in stock (is the database seeded?)');
const detailResponse = await request(`/api/store/v1/products/${encodeURIComponent(summary.slug)}`);
await check(detailResponse.status === 200, `product ${summary.slug} answered ${detailResponse.status}`);
const detail = detailResponse.json().data;
const variant = detail.variants.find((candidate) => candidate.inStock);
await check(variant !== undefined, `product ${summary.slug} has no variant in stock`);

const productPage = await request(`/products/${encodeURIComponent(summary.slug)}`);
console.log(`product page /products/${summary.slug}: HTTP ${productPage.status}`);
await check(productPage.status === 200 && productPage.text().includes(detail.title), 'product page did not render');

const imageUrl = detail.images[0]?.url;
await check(typeof imageUrl === 'string', `product ${summary.slug} has no image`);
const media = await request(imageUrl);
console.log(`media ${imageUrl}: HTTP ${media.status} ${media.headers.get('content-type')}, ${media.body.length} bytes`);
await check(media.status === 200 && media.headers.get('content-type')?.startsWith('image/'), 'media file not served');
const optimised = await request(`/_next/image?url=${encodeURIComponent(imageUrl)}&w=256&q=75`, { headers: { accept: 'image/webp' } });
console.log(`optimised image: HTTP ${optimised.status} ${optimised.headers.get('content-type')}, ${optimised.body.length} bytes`);
await check(optimised.status === 200 && optimised.headers.get('content-type')?.startsWith('image/'), 'image optimizer failed');

// --- a checkout through the Store API -------------------------------------------------------------------------------

const added = await request('/api/store/v1/carts/current/lines', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ variantId: variant.id, quantity: 1 }),
});
console.log(`add to cart: HTTP ${added.status}`);
await check(added.status === 201, `adding a line answered ${added.status}: ${added.text()}`);
const cartToken = added.json().token;
await check(typeof cartToken === 'string', 'adding a line to no cart returned no cart token');

const rateId = sql(
  "select r.id from shipping_rates r join shipping_zones z on z.id = r.zone_id where 'US' = any(z.countries) and r.is_active order by r.position limit 1",
);
await check(/^[0-9a-f-]{36}$/.test(rateId), 'no active US shipping rate in the database');
const checkout = await request('/api/store/v1/checkout', {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-cart-token': cartToken },
  body: JSON.stringify({
    email: 'smoke@example.com',
    shippingAddress: { name: 'Smoke Test', line1: '1 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105', countryCode: 'US' },
    shippingRateId: rateId,
    paymentProvider: 'manual',
  }),
});
console.log(`checkout: HTTP ${checkout.status} ${checkout.text()}`);
await check(checkout.status === 201, 'checkout did not place an order');
const orderNumber = checkout.json().order.number;
const stored = sql(`select count(*) from orders where number = '${String(orderNumber).replace(/'/g, "''")}'`);
console.log(`order ${orderNumber} in the database: ${stored === '1' ? 'yes' : 'no'}`);
await check(stored === '1', `order ${orderNumber} is not in the database`);

// --- metrics hidden, then a clean shutdown --------------------------------------------------------------------------

const metrics = await request('/api/metrics');
console.log(`metrics without a token: HTTP ${metrics.status}`);
await check(metrics.status === 404, 'a production server without METRICS_TOKEN must not expose /api/metrics');

// The first EMF line comes a few seconds after start (then once a minute): CloudWatch's metrics depend on it.
const emfDeadline = Date.now() + 15_000;
let emfLine;
while (!emfLine && Date.now() < emfDeadline) {
  emfLine = readFileSync(logFile, 'utf8').split('\n').find((line) => line.includes('"_aws"') && line.includes('Storefront/smoke'));
  if (!emfLine) await new Promise((resolve) => setTimeout(resolve, 250));
}
await check(Boolean(emfLine), 'no Embedded Metric Format line (METRICS_EMF_NAMESPACE) within 15 s of start');
const emf = JSON.parse(emfLine);
console.log(`CloudWatch EMF line: ${emf._aws.CloudWatchMetrics[0].Metrics.map((m) => `${m.Name}=${emf[m.Name]}`).join(' ')}`);

server.kill('SIGTERM');
const stoppedAt = performance.now();
const result = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(null), 45_000).unref())]);
await check(result !== null, 'no exit within 45 s of SIGTERM');
await new Promise((resolve) => log.end(resolve));
const serverLog = readFileSync(logFile, 'utf8');
const completed = serverLog.includes('"msg":"shutdown: complete"');
console.log(
  `shutdown: exit ${result.code ?? result.signal} after ${Math.round(performance.now() - stoppedAt)} ms; ` +
    (completed ? 'completion logged' : 'no completion line'),
);
if (result.code !== 0 || !completed) {
  serverExit = result;
  await fail('SIGTERM did not drain to exit 0');
}
// Next answers on even when it cannot write its cache (an optimised image is then made again on every request):
// a write refused anywhere, or an unhandled error, fails the run.
const trouble = serverLog.split('\n').filter((line) => /unhandledRejection|uncaughtException|EACCES|EROFS/.test(line));
if (trouble.length > 0) {
  serverExit = result;
  await fail(`the server log shows errors:\n${trouble.slice(0, 5).join('\n')}`);
}
console.log(`smoke passed on Node ${nodeVersion}`);
