import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { createScratchDatabase, type ScratchDatabase } from '../../db/testing/databases';
import { E2E_ADMIN, E2E_CUSTOMER } from './environment';

// A standalone server of the e2e build on a seeded database of its own, beside the shared e2e server, for specs that
// stop it or push it to its limits (graceful shutdown, overload). Needs PostgreSQL: DATABASE_URL's server, else the
// local one.

const root = path.resolve(__dirname, '..', '..');

export type PrivateServer = {
  baseUrl: string;
  databaseUrl: string;
  process: ChildProcess;
  /** Everything the server printed so far. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: () => Promise<void>;
};

export async function waitFor(predicate: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function startPrivateServer(options: { name: string; port: number; env?: Record<string, string> }): Promise<PrivateServer> {
  const baseDatabaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch: ScratchDatabase = await createScratchDatabase(baseDatabaseUrl, `storefront_${options.name}`);
  const workDir = await mkdtemp(path.join(os.tmpdir(), `storefront-${options.name}-`));
  const storageDir = path.join(workDir, 'media');
  let server: ChildProcess | undefined;
  const stop = async () => {
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await scratch.drop();
    await rm(workDir, { recursive: true, force: true });
  };
  try {
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
    const baseUrl = `http://127.0.0.1:${options.port}`;
    const serverJs = path.join(root, '.next', 'standalone', 'server.js');
    server = spawn(process.execPath, [serverJs], {
      cwd: path.dirname(serverJs),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        NEXT_MANUAL_SIG_HANDLE: 'true',
        PORT: String(options.port),
        HOSTNAME: '127.0.0.1',
        SITE_URL: baseUrl,
        AUTH_SECRET: randomBytes(32).toString('base64'),
        STORAGE_DIR: storageDir,
        DATABASE_URL: scratch.url,
        LOG_LEVEL: 'info',
        ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = server;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      if (started.exitCode !== null || started.signalCode !== null) resolve({ code: started.exitCode, signal: started.signalCode });
      else started.once('exit', (code, signal) => resolve({ code, signal }));
    });
    await waitFor(async () => (await fetch(`${baseUrl}/api/ready`)).ok, 60_000, `the ${options.name} server to be ready`);
    return { baseUrl, databaseUrl: scratch.url, process: started, output: () => output, exited, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Makes the server's catalogue queries wait inside PostgreSQL, as a slow database would: holds an exclusive lock on
 * `products` until release() is called. waitingQueries() counts the server's queries stuck behind it.
 */
export async function lockProducts(databaseUrl: string) {
  const locker = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const observer = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let taken: () => void = () => {};
  const held = new Promise<void>((resolve) => (taken = resolve));
  const transaction = locker.begin(async (tx) => {
    await tx`lock table products in access exclusive mode`;
    taken();
    await released;
  });
  await held;
  let ended: Promise<void> | null = null;
  return {
    waitingQueries: async () => {
      const [row] = await observer<{ waiting: number }[]>`
        select count(*)::int as waiting from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`;
      return row?.waiting ?? 0;
    },
    /** Lets the waiting queries go on and closes the test's connections (safe to call twice). */
    release: () => {
      release();
      ended ??= transaction.then(async () => {
        await locker.end({ timeout: 1 });
        await observer.end({ timeout: 1 });
      });
      return ended;
    },
  };
}
