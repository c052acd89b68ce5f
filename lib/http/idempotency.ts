import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { idempotencyKeys } from '@/db/schema';
import { AppError } from '@/lib/errors';

// Idempotency-Key for API writes: the first request under a key runs, later ones get its stored answer.
// A different body under the same key is refused; a request still running makes the others wait for it.
// A claim whose server died mid-request (killed instance, lost connection) would otherwise answer 409 for a day:
// after CLAIM_LEASE_MS a retry takes the claim over and runs the request again. That is safe because every write
// behind a key is itself idempotent (order placement is unique per cart), so a second run finds the first's result.

const TTL_MS = 24 * 3600 * 1000;
const WAIT_STEP_MS = 50;
const WAIT_MAX_MS = 15_000;
/** How long a claim may stay in progress before a retry may take it over (placement takes well under a second). */
export const CLAIM_LEASE_MS = 10_000;

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,255}$/;

export type StoredResponse = { status: number; body: unknown };

export function requestHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value ?? null)).digest('hex');
}

export async function withIdempotency(
  scope: string,
  key: string,
  hash: string,
  run: () => Promise<StoredResponse>,
  executor: Executor = db,
): Promise<StoredResponse & { replayed: boolean }> {
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new AppError('bad_request', 'Idempotency-Key must be 8–255 characters of letters, digits and _ . : -');
  }
  // A new key is claimed; so is an expired one (keys are forgotten after a day), in the same statement.
  const now = new Date();
  const [claimed] = await executor
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash: hash, status: 'in_progress', expiresAt: new Date(now.getTime() + TTL_MS) })
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      set: { requestHash: hash, status: 'in_progress', responseStatus: null, responseBody: null, createdAt: now, expiresAt: new Date(now.getTime() + TTL_MS) },
      setWhere: lt(idempotencyKeys.expiresAt, now),
    })
    .returning({ id: idempotencyKeys.id });

  if (claimed) return runClaimed(claimed.id, run, executor);

  const deadline = Date.now() + WAIT_MAX_MS;
  for (;;) {
    const [row] = await executor
      .select({ id: idempotencyKeys.id, requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, responseStatus: idempotencyKeys.responseStatus, responseBody: idempotencyKeys.responseBody })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (!row) {
      // The first attempt failed and released the key: run as a fresh request.
      return withIdempotency(scope, key, hash, run, executor);
    }
    if (row.requestHash !== hash) {
      throw new AppError('validation_failed', 'This Idempotency-Key was already used with a different request.', {
        fieldErrors: { 'Idempotency-Key': ['Already used with a different request.'] },
      });
    }
    if (row.status === 'completed') return { status: row.responseStatus ?? 200, body: row.responseBody, replayed: true };
    // createdAt is when the claim was made (or last taken over); the condition makes the takeover race-free.
    const [takenOver] = await executor
      .update(idempotencyKeys)
      .set({ createdAt: new Date() })
      .where(
        and(
          eq(idempotencyKeys.id, row.id),
          eq(idempotencyKeys.status, 'in_progress'),
          lt(idempotencyKeys.createdAt, new Date(Date.now() - CLAIM_LEASE_MS)),
        ),
      )
      .returning({ id: idempotencyKeys.id });
    if (takenOver) return runClaimed(takenOver.id, run, executor);
    if (Date.now() > deadline) throw new AppError('conflict', 'A request with this Idempotency-Key is still in progress.');
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

async function runClaimed(
  id: string,
  run: () => Promise<StoredResponse>,
  executor: Executor,
): Promise<StoredResponse & { replayed: boolean }> {
  let response: StoredResponse;
  try {
    response = await run();
  } catch (error) {
    // A failure is not remembered (4xx from validation included): the client may fix the cause and retry.
    await executor.delete(idempotencyKeys).where(eq(idempotencyKeys.id, id));
    throw error;
  }
  await executor
    .update(idempotencyKeys)
    .set({ status: 'completed', responseStatus: response.status, responseBody: response.body })
    .where(eq(idempotencyKeys.id, id));
  return { ...response, replayed: false };
}

export type OnceClaim<T> = { claimed: true; id: string } | { claimed: false; answer: T | null };

/**
 * A short claim on one operation that a person may trigger twice by accident (a double-clicked "Resend"): the first
 * caller within `windowMs` gets `claimed: true`; anyone else in that window gets the first one's answer. Call it in
 * the transaction that does the work and record the answer with `completeOnce` there too: the unique (scope, key)
 * makes a concurrent second insert wait for the first transaction, then find the claim taken and its answer stored
 * (a first transaction that rolls back leaves no claim, so the waiter claims it). After the window the next caller
 * claims it again: a deliberate second resend a little later works.
 */
export async function claimOnce<T>(executor: Executor, scope: string, key: string, windowMs: number): Promise<OnceClaim<T>> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + windowMs);
  const [claimed] = await executor
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash: '', status: 'in_progress', expiresAt })
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      set: { status: 'in_progress', responseStatus: null, responseBody: null, createdAt: now, expiresAt },
      setWhere: lt(idempotencyKeys.expiresAt, now),
    })
    .returning({ id: idempotencyKeys.id });
  if (claimed) return { claimed: true, id: claimed.id };
  const [row] = await executor
    .select({ body: idempotencyKeys.responseBody })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  return { claimed: false, answer: (row?.body as T | undefined) ?? null };
}

/** Stores the answer a claim's later callers get (see claimOnce), in the claim's transaction. */
export async function completeOnce(executor: Executor, id: string, answer: unknown): Promise<void> {
  await executor.update(idempotencyKeys).set({ status: 'completed', responseStatus: 200, responseBody: answer }).where(eq(idempotencyKeys.id, id));
}
