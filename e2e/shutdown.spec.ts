import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/test';
import postgres from 'postgres';
import { createScratchDatabase, type ScratchDatabase } from '../db/testing/databases';
import { E2E_ADMIN, E2E_CUSTOMER } from './support/environment';

// A rolling deploy stops a task while a shopper's request is still running: SIGTERM must let it finish, then close
// the pool and Redis and exit 0 well within the drain budget. The request is made slow from the outside, as a real
// one would be: the test holds an exclusive lock on `products`, so the home page's catalogue query waits in
// PostgreSQL until the test lets go. This needs PostgreSQL (DATABASE_URL, else the local server), and runs its own
// standalone server on its own database beside the shared e2e one — from a copy of the build without its
// .next/cache, because the shared server writes cached catalogue reads there and a cache hit never waits on a lock.

const root = path.resolve(__dirname, '..');
const DRAIN_S = 10;

function exitOf(server: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve({ code: server.exitCode, signal: server.signalCode });
  return new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
}

async function waitFor(predicate: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test.describe('graceful shutdown', () => {
  let scratch: ScratchDatabase | undefined;
  let workDir = '';
  let server: ChildProcess | undefined;
  let output = '';

  test.afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await scratch?.drop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  test('SIGTERM during a slow page request: the request completes, then the process exits 0 within the budget', async ({}, testInfo) => {
    test.setTimeout(120_000);
    const baseDatabaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    scratch = await createScratchDatabase(baseDatabaseUrl, 'storefront_shutdown');
    workDir = await mkdtemp(path.join(os.tmpdir(), 'storefront-shutdown-'));
    const storageDir = path.join(workDir, 'media');
    execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['db/seed/cli.ts'], {
      cwd: root,
      stdio: 'ignore',
      env: {
        ...process.env,
        DATABASE_URL: scratch.url,
        STORAGE_DIR: storageDir,
        ADMIN_EMAIL: E2E_ADMIN.email,
        ADMIN_PASSWORD: E2E_ADMIN.password,
        DEMO_CUSTOMER_EMAIL: E2E_CUSTOMER.email,
        DEMO_CUSTOMER_PASSWORD: E2E_CUSTOMER.password,
      },
    });

    const port = Number(new URL(testInfo.project.use.baseURL ?? 'http://127.0.0.1:3100').port) + 1;
    const baseUrl = `http://127.0.0.1:${port}`;
    const standaloneCopy = path.join(workDir, 'standalone');
    const cacheDir = path.join(root, '.next', 'standalone', '.next', 'cache');
    await cp(path.join(root, '.next', 'standalone'), standaloneCopy, {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => source !== cacheDir && !source.startsWith(`${cacheDir}${path.sep}`),
    });
    const serverJs = path.join(standaloneCopy, 'server.js');
    server = spawn(process.execPath, [serverJs], {
      cwd: path.dirname(serverJs),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: String(port),
        HOSTNAME: '127.0.0.1',
        SITE_URL: baseUrl,
        AUTH_SECRET: randomBytes(32).toString('base64'),
        STORAGE_DIR: storageDir,
        DATABASE_URL: scratch.url,
        SHUTDOWN_DRAIN_S: String(DRAIN_S),
        LOG_LEVEL: 'info',
        ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = exitOf(server);
    await waitFor(async () => (await fetch(`${baseUrl}/api/ready`)).ok, 60_000, 'the server to be ready');

    const locker = postgres(scratch.url, { max: 1, onnotice: () => {} });
    const observer = postgres(scratch.url, { max: 1, onnotice: () => {} });
    try {
      let releaseLock: () => void = () => {};
      const lockReleased = new Promise<void>((resolve) => (releaseLock = resolve));
      let lockTaken: () => void = () => {};
      const lockHeld = new Promise<void>((resolve) => (lockTaken = resolve));
      const lockTransaction = locker.begin(async (tx) => {
        await tx`lock table products in access exclusive mode`;
        lockTaken();
        await lockReleased;
      });
      await lockHeld;

      const slowPage = fetch(`${baseUrl}/`).then(async (response) => ({ status: response.status, html: await response.text() }));
      // The page's query is now queued behind the lock inside PostgreSQL: a request genuinely in flight.
      await waitFor(
        async () => {
          const [row] = await observer<{ waiting: number }[]>`
            select count(*)::int as waiting from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`;
          return (row?.waiting ?? 0) > 0;
        },
        15_000,
        'the page request to wait on the lock',
      );

      const signalledAt = Date.now();
      server.kill('SIGTERM');
      // Draining: still alive, and no longer accepting new connections.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(server.exitCode).toBeNull();
      await expect(fetch(`${baseUrl}/api/health`)).rejects.toThrow();

      releaseLock();
      await lockTransaction;
      const page = await slowPage;
      expect(page.status).toBe(200);
      expect(page.html).toContain('data-testid="product-count"');

      const { code, signal } = await exited;
      const shutdownMs = Date.now() - signalledAt;
      const summary = `exited ${code} ${shutdownMs} ms after SIGTERM (budget ${DRAIN_S} s)`;
      testInfo.annotations.push({ type: 'shutdown', description: summary });
      console.log(`graceful shutdown: ${summary}`);
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(shutdownMs).toBeLessThan(DRAIN_S * 1000);
      expect(output).toContain('"msg":"shutdown: complete"');
      expect(output).toContain('"drained":true');
    } finally {
      await locker.end({ timeout: 1 });
      await observer.end({ timeout: 1 });
    }
  });
});
