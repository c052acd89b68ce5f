import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { products, variants } from '@/db/schema';
import { type AuditActor, recordAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import type { AdjustStockInput, BulkAdjustStockInput } from './schemas';
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

export type BulkStockResult = { variants: number; products: { id: string; slug: string }[] };

/**
 * The same change on every variant of each chosen product, all or nothing: one transaction, the variants moved in id
 * order (the lock order every stock writer keeps), each move ledgered and audited like a single adjustment. If any
 * variant would go below zero nothing changes and the answer names those SKUs.
 */
export async function adjustProductsStock(actor: AuditActor, input: BulkAdjustStockInput, database: typeof db = db): Promise<BulkStockResult> {
  return database.transaction(async (tx) => {
    const targets = await tx
      .select({ id: variants.id, productId: variants.productId, sku: variants.sku, slug: products.slug })
      .from(variants)
      .innerJoin(products, eq(products.id, variants.productId))
      .where(inArray(variants.productId, input.ids))
      .orderBy(asc(variants.id));
    if (targets.length === 0) throw new AppError('not_found', 'None of the chosen products has variants to adjust.');
    const short: string[] = [];
    for (const target of targets) {
      const moved = await moveStock(tx, { variantId: target.id, delta: input.delta, reason: input.reason, actorId: actor.user.id, note: input.note || null });
      if (!moved) {
        short.push(target.sku);
        continue;
      }
      await recordAudit(tx, actor, {
        action: 'inventory.adjust',
        entityType: 'variant',
        entityId: target.id,
        before: { sku: moved.sku, stockOnHand: moved.quantityAfter - input.delta },
        after: { sku: moved.sku, stockOnHand: moved.quantityAfter, delta: input.delta, reason: input.reason, note: input.note || null, bulk: true },
      });
    }
    if (short.length > 0) {
      // Thrown inside the transaction: every move above is undone with it.
      const shown = short.slice(0, 5).join(', ');
      throw new AppError('conflict', `Nothing was changed: stock cannot go below zero for ${shown}${short.length > 5 ? ` and ${short.length - 5} more` : ''}.`, {
        fieldErrors: { delta: [`Too few on hand for ${shown}.`] },
      });
    }
    const touched = new Map(targets.map((target) => [target.productId, target.slug]));
    return { variants: targets.length, products: [...touched].map(([id, slug]) => ({ id, slug })) };
  });
}
