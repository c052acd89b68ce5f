import 'server-only';
import type Redis from 'ioredis';
import { type DatabaseConnection, getConnection } from '@/db/client';
import { type AdmissionHealth, admissionHealth } from '@/lib/server/admission';
import { getRedis, whenRedisReady } from '@/lib/redis/client';

export type DependencyStatus =
  | { status: 'up'; latencyMs: number }
  | { status: 'down'; latencyMs: number; reason: string }
  | { status: 'not_configured' };

/** The front door's admission control: `stalled` when a request has waited for a slot longer than it should. */
export type DoorStatus =
  | { status: 'up' | 'stalled'; inFlight: number; queued: number; oldestQueuedMs: number }
  | { status: 'not_configured' };

/**
 * ready: every dependency answers. degraded: the database answers but Redis does not — the instance still serves
 * (rate limits fall back per policy, see lib/rate-limit/policies.ts), so it stays in the load balancer; taking
 * every instance out because the limiter's store is away would turn a Redis outage into a store outage.
 * unavailable: the database does not answer, or the front door is stalled (a request has waited for a slot for half
 * of REQUEST_QUEUE_TIMEOUT_MS): nothing useful is being served. A stalled instance out of the load balancer drains
 * its queue and comes back; one left in keeps answering every new shopper late or 503 while /api/health stays green.
 */
export type Readiness = {
  status: 'ready' | 'degraded' | 'unavailable';
  checks: { database: DependencyStatus; redis: DependencyStatus; door: DoorStatus };
};

/** Each dependency gets this long; both are checked in parallel so the endpoint answers within 2 s. */
export const READINESS_CHECK_TIMEOUT_MS = 1_500;

async function timed(check: () => Promise<unknown>): Promise<DependencyStatus> {
  const started = performance.now();
  try {
    await check();
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      reason: error instanceof Error ? error.message : 'unknown error',
    };
  }
}

async function pingRedis(redis: Redis, timeoutMs: number): Promise<unknown> {
  const started = Date.now();
  // A client that is still (re)connecting gets the rest of the deadline to finish before the ping.
  if (redis.status === 'connecting' || redis.status === 'connect' || redis.status === 'reconnecting') {
    await whenRedisReady(redis, timeoutMs);
  }
  let timer: NodeJS.Timeout | undefined;
  const left = Math.max(1, timeoutMs - (Date.now() - started));
  return Promise.race([
    redis.ping(),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), left);
    }),
  ]).finally(() => clearTimeout(timer));
}

function doorStatus(health: AdmissionHealth | null): DoorStatus {
  if (!health) return { status: 'not_configured' };
  return { status: health.stalled ? 'stalled' : 'up', inFlight: health.inFlight, queued: health.waiting, oldestQueuedMs: Math.round(health.oldestWaitMs) };
}

export async function checkReadiness(deps: {
  database: DatabaseConnection;
  redis: Redis | null;
  /** The front door's admission control, read after the dependency checks (null: none, as in development). */
  door?: () => AdmissionHealth | null;
  timeoutMs?: number;
}): Promise<Readiness> {
  const timeoutMs = deps.timeoutMs ?? READINESS_CHECK_TIMEOUT_MS;
  const redis = deps.redis;
  const [database, redisStatus] = await Promise.all([
    timed(() => deps.database.ping(timeoutMs)),
    redis ? timed(() => pingRedis(redis, timeoutMs)) : Promise.resolve<DependencyStatus>({ status: 'not_configured' }),
  ]);
  const door = doorStatus(deps.door?.() ?? null);
  const status = database.status !== 'up' || door.status === 'stalled' ? 'unavailable' : redisStatus.status === 'down' ? 'degraded' : 'ready';
  return { status, checks: { database, redis: redisStatus, door } };
}

/** Readiness of this process's own database connection, Redis client and front door. */
export function currentReadiness(): Promise<Readiness> {
  return checkReadiness({ database: getConnection(), redis: getRedis(), door: admissionHealth });
}
