import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, type DatabaseConnection } from '@/db/client';
import { startTcpProxy, type TcpProxy } from '@/db/testing/tcp-proxy';
import { Admission } from '@/lib/server/admission';
import { checkReadiness } from './service';

// The readiness drill: a live database connection and Redis client lose their server and get it back. The probe
// must say 503-worthy "unavailable" within its deadline while they are gone, and "ready" again once they return,
// with the very same connection objects (no restart). Needs a PostgreSQL server and a Redis server: the ones in
// DATABASE_URL / REDIS_URL, or the local defaults.

const postgresUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await probe();
  }
  return last;
}

describe('readiness under dependency outages', () => {
  let pgProxy: TcpProxy;
  let redisProxy: TcpProxy;
  let database: DatabaseConnection;
  let redis: Redis;

  beforeAll(async () => {
    pgProxy = await startTcpProxy({ host: postgresUrl.hostname, port: Number(postgresUrl.port || 5432) });
    redisProxy = await startTcpProxy({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
    const viaProxy = new URL(postgresUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(pgProxy.port);
    database = connectPostgres({ url: viaProxy.toString(), poolMax: 2, connectTimeoutS: 2, prepare: true });
    redis = new Redis({
      host: '127.0.0.1',
      port: redisProxy.port,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 1_000,
      retryStrategy: (attempt) => Math.min(attempt * 100, 500),
    });
    redis.on('error', () => {});
    await redis.connect();
  });

  afterAll(async () => {
    redis?.disconnect();
    await database?.close();
    await pgProxy?.close();
    await redisProxy?.close();
  });

  const probe = () => checkReadiness({ database, redis });

  it('is ready when PostgreSQL and Redis answer', async () => {
    const readiness = await eventually(probe, (r) => r.status === 'ready');
    expect(readiness.status).toBe('ready');
    expect(readiness.checks.database.status).toBe('up');
    expect(readiness.checks.redis.status).toBe('up');
  });

  it('reports the database down, within 2 s, when PostgreSQL refuses connections — and recovers by itself', async () => {
    await pgProxy.setMode('down');
    try {
      const started = Date.now();
      const down = await probe();
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(down.status).toBe('unavailable');
      expect(down.checks.database).toMatchObject({ status: 'down' });
      expect(down.checks.redis.status).toBe('up');
    } finally {
      await pgProxy.setMode('up');
    }
    expect((await eventually(probe, (r) => r.status === 'ready')).status).toBe('ready');
  });

  it('answers within 2 s when PostgreSQL accepts connections but never answers', async () => {
    await pgProxy.setMode('hang');
    try {
      // The first probe may see the dropped connection; the next ones reconnect into the hang and hit the deadline.
      const reasons: string[] = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const started = Date.now();
        const hung = await probe();
        expect(Date.now() - started).toBeLessThan(2_000);
        expect(hung.status).toBe('unavailable');
        expect(hung.checks.database.status).toBe('down');
        if (hung.checks.database.status === 'down') reasons.push(hung.checks.database.reason);
      }
      expect(reasons.some((reason) => reason.includes('did not answer within'))).toBe(true);
    } finally {
      await pgProxy.setMode('up');
    }
    expect((await eventually(probe, (r) => r.status === 'ready')).status).toBe('ready');
  });

  it('reports Redis down (degraded, still serving) when it is configured and unreachable, and recovers when it returns', async () => {
    await redisProxy.setMode('down');
    try {
      const started = Date.now();
      const down = await probe();
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(down.status).toBe('degraded');
      expect(down.checks.redis).toMatchObject({ status: 'down' });
      expect(down.checks.database.status).toBe('up');
    } finally {
      await redisProxy.setMode('up');
    }
    expect((await eventually(probe, (r) => r.status === 'ready')).checks.redis.status).toBe('up');
  });

  it('gives a Redis client that is still connecting (just after start) the deadline to connect', async () => {
    const fresh = new Redis({
      host: redisUrl.hostname,
      port: Number(redisUrl.port || 6379),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    fresh.on('error', () => {});
    try {
      expect(fresh.status).not.toBe('ready');
      const readiness = await checkReadiness({ database, redis: fresh });
      expect(readiness.checks.redis.status).toBe('up');
      expect(readiness.status).toBe('ready');
    } finally {
      fresh.disconnect();
    }
  });

  it('treats an unconfigured Redis as not required', async () => {
    const readiness = await checkReadiness({ database, redis: null });
    expect(readiness.status).toBe('ready');
    expect(readiness.checks.redis).toEqual({ status: 'not_configured' });
  });

  it('is unavailable while the front door is stalled — dependencies up, but a request has waited half the queue deadline', async () => {
    let now = 0;
    const door = new Admission({ maxActive: 1, maxQueued: 10, maxWaitMs: 8_000 }, () => now);
    const probeDoor = () => checkReadiness({ database, redis, door: () => door.health() });
    const slot = { write: false, start: () => {}, refuse: () => {}, gone: () => false };
    door.enter(slot);
    expect((await probeDoor()).checks.door).toEqual({ status: 'up', inFlight: 1, queued: 0, oldestQueuedMs: 0 });
    door.enter(slot);
    now = 3_999;
    expect((await probeDoor()).status).toBe('ready');
    now = 4_000;
    const stalled = await probeDoor();
    expect(stalled.status).toBe('unavailable');
    expect(stalled.checks.door).toEqual({ status: 'stalled', inFlight: 1, queued: 1, oldestQueuedMs: 4_000 });
    expect(stalled.checks.database.status).toBe('up');
    // The stuck request finishes: the waiting one starts and the door is ready again.
    door.leave();
    expect(await probeDoor()).toMatchObject({ status: 'ready', checks: { door: { status: 'up', queued: 0 } } });
    expect((await checkReadiness({ database, redis })).checks.door).toEqual({ status: 'not_configured' });
  });
});
