import 'server-only';
import { and, inArray, isNull, lt } from 'drizzle-orm';
import { db, type Database } from '@/db/client';
import { carts } from '@/db/schema';
import { counter } from '@/lib/observability/metrics';

const expiredCartsDeleted = counter({
  name: 'storefront_expired_carts_deleted_total',
  help: 'Guest carts deleted by the cleanup job after GUEST_CART_RETENTION_DAYS without a change.',
});

/**
 * Deletes guest carts nobody has touched for `retentionDays` (their lines go with them, ON DELETE CASCADE), a batch
 * per transaction so a large backlog never holds many locks or one long transaction. Customer carts are kept.
 *
 * A cart an order is being placed from is never deleted: placement locks the cart row FOR UPDATE for its whole
 * transaction, and the batch is chosen FOR UPDATE SKIP LOCKED, so a locked cart is skipped (and its updated_at is
 * bumped by the time placement commits). The reverse order is safe too: a cart this job has locked and deletes
 * makes a checkout waiting on that lock find no cart ("Your cart could not be found. It may have expired."),
 * never a half-deleted one. Adding to a cart locks it the same way, and refreshes updated_at.
 */
export async function deleteExpiredGuestCarts(
  options: { retentionDays: number; batchSize?: number; maxBatches?: number; now?: Date },
  executor: Database = db,
): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 24 * 3600 * 1000);
  let deleted = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 100); batch += 1) {
    const rows = await executor.transaction(async (tx) => {
      const ids = await tx
        .select({ id: carts.id })
        .from(carts)
        .where(and(isNull(carts.userId), lt(carts.updatedAt, cutoff)))
        .orderBy(carts.updatedAt)
        .limit(batchSize)
        .for('update', { skipLocked: true });
      if (ids.length === 0) return [];
      return tx
        .delete(carts)
        // Re-checked on the locked rows: a cart adopted by a customer or touched meanwhile stays.
        .where(and(inArray(carts.id, ids.map((row) => row.id)), isNull(carts.userId), lt(carts.updatedAt, cutoff)))
        .returning({ id: carts.id });
    });
    deleted += rows.length;
    if (rows.length < batchSize) break;
  }
  expiredCartsDeleted.inc(deleted);
  return deleted;
}

