import 'server-only';
import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { type InventoryReason, inventoryLedger, products, storeSettings, variants } from '@/db/schema';
import { enqueueWebhookEvent } from '@/lib/webhooks/enqueue';

// The only code that changes stock. Every move — an order placed or cancelled, a delivery received, a correction, an
// opening count — is one statement: the conditional update (stock never goes below zero, whatever runs concurrently:
// zero rows means someone else took it first), its ledger row, and for orders the product's sales count. Inside the
// caller's transaction the variant's row lock is held from this statement to the commit; callers that move several
// variants do so in variant id order, so two transactions sharing variants never wait on each other in a cycle.

export type StockMove = {
  variantId: string;
  /** Units in (positive) or out (negative); never 0. */
  delta: number;
  reason: InventoryReason;
  orderId?: string | null;
  actorId?: string | null;
  note?: string | null;
  /** An order's stock also moves its product's sales count: selling raises it, cancelling lowers it (never below 0). */
  countsAsSale?: boolean;
};

export type StockMoved = { quantityAfter: number; productId: string; sku: string };

type MovedRow = StockMoved & { threshold: number | null };

/** Moves stock and records it; null when the variant does not exist or the move would take stock below zero. */
export async function moveStock(executor: Executor, move: StockMove): Promise<StockMoved | null> {
  if (!Number.isInteger(move.delta) || move.delta === 0) throw new Error(`moveStock: delta must be a non-zero integer, got ${move.delta}`);
  const sold = move.countsAsSale
    ? sql`, sold as (update ${products} set sales_count = greatest(sales_count - ${move.delta}, 0) where id in (select product_id from moved))`
    : sql``;
  const [moved] = rowsOf<MovedRow>(
    await executor.execute(sql`
      with moved as (
        update ${variants} set stock_on_hand = stock_on_hand + ${move.delta}
        where id = ${move.variantId} and stock_on_hand + ${move.delta} >= 0
        returning id, product_id, sku, stock_on_hand),
      ledger as (
        insert into ${inventoryLedger} (variant_id, delta, quantity_after, reason, order_id, actor_id, note)
        select id, ${move.delta}, stock_on_hand, ${move.reason}, ${move.orderId ?? null}::uuid, ${move.actorId ?? null}::uuid, ${move.note ?? null}
        from moved)${sold}
      select stock_on_hand as "quantityAfter", product_id as "productId", sku,
        (select low_stock_threshold from ${storeSettings} where id = 1) as "threshold"
      from moved`),
  );
  if (!moved) return null;
  const after = Number(moved.quantityAfter);
  // Webhooks for a level crossing into "low" or "out of stock" (not for every sale below the threshold).
  if (move.delta < 0) {
    const before = after - move.delta;
    const threshold = Number(moved.threshold ?? 5);
    if (after === 0) await enqueueWebhookEvent(executor, 'inventory.out_of_stock', { kind: 'variant', id: move.variantId });
    else if (after <= threshold && before > threshold) await enqueueWebhookEvent(executor, 'inventory.low', { kind: 'variant', id: move.variantId });
  }
  return { quantityAfter: after, productId: moved.productId, sku: moved.sku };
}
