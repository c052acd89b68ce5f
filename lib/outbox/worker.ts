import 'server-only';
import { and, asc, count, eq, inArray, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { outboxEvents } from '@/db/schema';
import { OUTBOX_JOB } from '@/lib/jobs/names';
import { type JobContext, runJobSoon } from '@/lib/jobs/runner';
import { logger } from '@/lib/log';
import { counter, gauge } from '@/lib/observability/metrics';
import { outboxHandler, registeredOutboxTypes } from './handlers';

// Set after each run: events still being tried, and events given up on.
const outboxEventsGauge = gauge({
  name: 'storefront_outbox_events',
  help: 'Undelivered outbox events (order confirmations, emails) by state: pending (will be retried) or failed (gave up after the last attempt).',
  labelNames: ['state'] as const,
});

const outboxAttempts = counter({
  name: 'storefront_outbox_attempts_total',
  help: 'Outbox delivery attempts by event type and outcome (delivered, retry, failed).',
  labelNames: ['type', 'outcome'] as const,
});

// The outbox worker: delivers events written in the same transaction as the change that caused them (order
// placed, email to send), at least once, with retries.
//
// Claiming: each event is handled in its own transaction that first locks the row with FOR UPDATE SKIP LOCKED.
// Another worker (another instance, or this one's inline delivery after a checkout) skips a locked row instead
// of waiting for it, and once the first commits, the row no longer matches (processed_at is set or available_at
// moved into the future), so two workers never handle one event at the same time. Holding the lock for the
// duration of the handler, rather than leasing the row, means a crashed process simply releases it.
// A handler that succeeds but whose commit is lost (crash between SMTP "250 OK" and COMMIT) runs again: delivery
// is at least once, as every outbox is.
//
// Failure: attempts + 1, last_error, available_at = now + backoff (30 s doubling to 1 h). After
// OUTBOX_MAX_ATTEMPTS the event is left unprocessed with attempts = max: "failed", counted by the metric and
// visible to staff; it is not claimed again.

export const OUTBOX_MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 3_600_000;

/** Delay before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export type OutboxRunOptions = {
  /** Most events handled in this run. */
  limit?: number;
  /** Treat events due by this time as due (defaults to the database's now()). */
  now?: Date;
  /** Only the events of one aggregate, e.g. the order just placed (inline delivery after checkout). */
  aggregate?: { type: string; id: string };
};

export type OutboxRunResult = { delivered: number; retrying: number; failed: number };

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500) || 'unknown error';
}

/** Handles due events one transaction each, until none is due or `limit` is reached. */
export async function processOutbox(options: OutboxRunOptions = {}): Promise<OutboxRunResult> {
  const limit = options.limit ?? 50;
  const types = registeredOutboxTypes();
  const result: OutboxRunResult = { delivered: 0, retrying: 0, failed: 0 };
  const due: SQL[] = [
    // Only the types this worker knows: an event another part of the app still delivers itself is left to it,
    // never retried here into "failed" for want of a handler.
    inArray(outboxEvents.type, types),
    isNull(outboxEvents.processedAt),
    lte(outboxEvents.availableAt, options.now ?? sql`now()`),
    lt(outboxEvents.attempts, OUTBOX_MAX_ATTEMPTS),
  ];
  if (options.aggregate) due.push(eq(outboxEvents.aggregateType, options.aggregate.type), eq(outboxEvents.aggregateId, options.aggregate.id));

  if (types.length === 0) return result;
  for (let handled = 0; handled < limit; handled += 1) {
    const outcome = await db.transaction(async (tx) => {
      const [event] = await tx
        .select()
        .from(outboxEvents)
        .where(and(...due))
        .orderBy(asc(outboxEvents.availableAt), asc(outboxEvents.id))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!event) return null;
      const ctx = { executor: tx };
      const handler = outboxHandler(event.type);
      const attempts = event.attempts + 1;
      try {
        if (!handler) throw new Error(`no handler for outbox event type ${event.type}`); // unreachable: filtered above
        // A savepoint: a handler that fails half-way leaves none of its writes behind, while the retry
        // bookkeeping below still commits.
        await tx.transaction((savepoint) => handler.run(event.payload, { executor: savepoint }));
        await tx.update(outboxEvents).set({ processedAt: new Date(), attempts, lastError: null }).where(eq(outboxEvents.id, event.id));
        outboxAttempts.inc({ type: event.type, outcome: 'delivered' });
        return 'delivered' as const;
      } catch (error) {
        const lastError = errorText(error);
        await handler?.onError?.(event.payload, error, ctx);
        const givingUp = attempts >= OUTBOX_MAX_ATTEMPTS;
        await tx
          .update(outboxEvents)
          .set({
            attempts,
            lastError,
            availableAt: givingUp ? event.availableAt : sql`now() + ${`${retryDelayMs(attempts)} milliseconds`}::interval`,
          })
          .where(eq(outboxEvents.id, event.id));
        if (givingUp) await handler?.onGiveUp?.(event.payload, ctx);
        const log = givingUp ? logger.error.bind(logger) : logger.warn.bind(logger);
        log({ eventId: event.id, type: event.type, attempts, reason: lastError }, givingUp ? 'outbox event failed for good' : 'outbox event failed; will retry');
        outboxAttempts.inc({ type: event.type, outcome: givingUp ? 'failed' : 'retry' });
        return givingUp ? ('failed' as const) : ('retrying' as const);
      }
    });
    if (!outcome) break;
    result[outcome] += 1;
  }
  return result;
}

/** Delivers one aggregate's due events now (e.g. right after checkout), so the buyer's email needs no poll. */
export async function deliverOutboxFor(aggregate: { type: string; id: string }, options: Omit<OutboxRunOptions, 'aggregate'> = {}): Promise<OutboxRunResult> {
  return processOutbox({ ...options, aggregate, limit: options.limit ?? 10 });
}

/** Pending (still being tried) and failed (gave up) events, for the metric and the runbook. */
export async function countOutbox(executor: Executor = db): Promise<{ pending: number; failed: number }> {
  const [row] = await executor
    .select({
      pending: count(sql`case when ${outboxEvents.attempts} < ${OUTBOX_MAX_ATTEMPTS} then 1 end`),
      failed: count(sql`case when ${outboxEvents.attempts} >= ${OUTBOX_MAX_ATTEMPTS} then 1 end`),
    })
    .from(outboxEvents)
    .where(isNull(outboxEvents.processedAt));
  return { pending: Number(row?.pending ?? 0), failed: Number(row?.failed ?? 0) };
}

const BATCH = 50;

/** One tick of the in-process job: deliver what is due, then publish the queue's size. */
export async function runOutboxJob(ctx: JobContext): Promise<void> {
  const result = await processOutbox({ limit: BATCH });
  const handled = result.delivered + result.retrying + result.failed;
  if (handled > 0) logger.info({ ...result }, 'outbox run');
  // A full batch: more is probably due (after a rush of orders). Go on right after this run, not at the next tick —
  // unless the server is still busy with shoppers, who come first.
  if (handled >= BATCH && !ctx.isServerBusy()) runJobSoon(OUTBOX_JOB);
  const counts = await countOutbox();
  outboxEventsGauge.set({ state: 'pending' }, counts.pending);
  outboxEventsGauge.set({ state: 'failed' }, counts.failed);
}

