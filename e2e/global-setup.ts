import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { connectPglite, connectPostgres } from '../db/client';
import { createScratchDatabase, type ScratchDatabase } from '../db/testing/databases';
import { E2E_ADMIN, E2E_CUSTOMER, E2E_METRICS_TOKEN, headlessOrigins } from './support/environment';
import { readE2EFacts } from './support/facts';
import { startMailSink } from './support/mailbox';

// Prepares a fresh database (migrated + seeded), then starts the standalone production server on it and waits
// until /api/ready answers. Facts about the seeded data are handed to the tests through the environment.

async function waitForReady(baseUrl: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Standalone server exited with code ${server.exitCode}; see test-results/server.log`);
    try {
      const response = await fetch(`${baseUrl}/api/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Standalone server was not ready within ${timeoutMs} ms; see test-results/server.log`);
}

export default async function globalSetup(config: FullConfig) {
  const root = config.rootDir ? path.resolve(config.rootDir, '..') : process.cwd();
  const serverJs = path.join(root, '.next', 'standalone', 'server.js');
  if (!existsSync(serverJs)) throw new Error('No production build: run `npm run build` (or `npm run test:e2e`, which builds).');

  // Cached catalog reads are kept on disk beside the server; a previous run's entries describe another database.
  await rm(path.join(path.dirname(serverJs), '.next', 'cache'), { recursive: true, force: true });
  const baseURL = config.projects[0]?.use.baseURL ?? 'http://127.0.0.1:3100';
  const port = new URL(baseURL).port;
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'storefront-e2e-'));
  const storageDir = path.join(workDir, 'media');

  let scratch: ScratchDatabase | undefined;
  const databaseEnv: Record<string, string> = {};
  if (process.env.DATABASE_URL) {
    scratch = await createScratchDatabase(process.env.DATABASE_URL, 'storefront_e2e');
    databaseEnv.DATABASE_URL = scratch.url;
  } else {
    databaseEnv.PGLITE_DATA_DIR = path.join(workDir, 'pglite');
  }

  // Seed through the real CLI (migrations, then the demo store) before the server owns the database, and read
  // the facts the specs compare against.
  execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['db/seed/cli.ts'], {
    cwd: root,
    stdio: 'ignore',
    env: {
      ...process.env,
      ...databaseEnv,
      STORAGE_DIR: storageDir,
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      DEMO_CUSTOMER_EMAIL: E2E_CUSTOMER.email,
      DEMO_CUSTOMER_PASSWORD: E2E_CUSTOMER.password,
    },
  });
  const connection = scratch
    ? connectPostgres({ url: scratch.url, poolMax: 1, connectTimeoutS: 5, prepare: true })
    : connectPglite(databaseEnv.PGLITE_DATA_DIR!);
  const facts = await readE2EFacts(connection.db).finally(() => connection.close());

  // The store sends its email over SMTP to a sink the specs read (see support/mailbox.ts).
  const mailDir = path.join(workDir, 'mail');
  const mailSink = await startMailSink(mailDir);

  await mkdir(path.join(root, 'test-results'), { recursive: true });
  const log = createWriteStream(path.join(root, 'test-results', 'server.log'));
  const server = spawn(process.execPath, [serverJs], {
    cwd: path.dirname(serverJs),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      // Next leaves SIGTERM to the app, which drains (lib/server/shutdown.ts), as in the container image.
      NEXT_MANUAL_SIG_HANDLE: 'true',
      PORT: port,
      HOSTNAME: '127.0.0.1',
      SITE_URL: baseURL,
      AUTH_SECRET: randomBytes(32).toString('base64'),
      STORAGE_DIR: storageDir,
      SMTP_URL: `smtp://127.0.0.1:${mailSink.port}`,
      LOG_LEVEL: 'info',
      METRICS_TOKEN: E2E_METRICS_TOKEN,
      STORE_API_CORS_ORIGINS: headlessOrigins(Number(port)).listed,
      // Every spec's browser is one address (127.0.0.1) standing in for dozens of shoppers; the suite signs up about
      // 25 accounts in its quarter of an hour, more than one address's 20 an hour, and places more than one address's
      // 30 orders in ten minutes. The limits themselves are tested in lib/rate-limit and lib/auth.
      RATE_LIMIT_OVERRIDES: 'register-ip=200,checkout-ip=200',
      // The webhook specs receive on loopback (e2e/admin-integrations.spec.ts).
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      // Own key prefix per run: rate-limit counts from earlier runs (or other checkouts) sharing this Redis do not carry over.
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `e2e-${randomBytes(6).toString('hex')}` } : {}),
      ...databaseEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  await waitForReady(baseURL, server, 60_000);

  process.env.E2E_FACTS = JSON.stringify(facts);
  process.env.E2E_MAIL_DIR = mailDir;
  if (scratch) process.env.E2E_DATABASE_URL = scratch.url;

  return async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    log.end();
    await mailSink.close();
    await scratch?.drop();
    await rm(workDir, { recursive: true, force: true });
  };
}
