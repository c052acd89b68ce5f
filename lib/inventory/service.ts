import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { products, variants } from '@/db/schema';
import { type AuditActor, recordAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import type { AdjustStockInput } from './schemas';
import { moveStock } from './stock';

// Stock adjustments by staff: one transaction holding the stock move (never below zero, whatever runs concurrently),
// its ledger row (reason, note, actor) and its audit row.

export async function adjustStock(actor: AuditActor, input: AdjustStockInput): Promise<{ stockOnHand: number; slug: string }> {
  return db.transaction(async (tx) => {
    const updated = await moveStock(tx, {
      variantId: input.variantId,
      delta: input.delta,
      reason: input.reason,
      actorId: actor.user.id,
      note: input.note || null,
    });
    if (!updated) {
      const [current] = await tx.select({ stockOnHand: variants.stockOnHand }).from(variants).where(eq(variants.id, input.variantId));
      if (!current) throw new AppError('not_found', 'That variant no longer exists.');
      throw new AppError('conflict', `Stock cannot go below zero: ${current.stockOnHand} on hand.`, {
        fieldErrors: { delta: [`Only ${current.stockOnHand} on hand.`] },
      });
    }
    await recordAudit(tx, actor, {
      action: 'inventory.adjust',
      entityType: 'variant',
      entityId: input.variantId,
      before: { sku: updated.sku, stockOnHand: updated.quantityAfter - input.delta },
      after: { sku: updated.sku, stockOnHand: updated.quantityAfter, delta: input.delta, reason: input.reason, note: input.note || null },
    });
    const [product] = await tx.select({ slug: products.slug }).from(products).where(eq(products.id, updated.productId));
    return { stockOnHand: updated.quantityAfter, slug: product!.slug };
  });
}
