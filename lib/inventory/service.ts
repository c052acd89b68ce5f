import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { products, variants } from '@/db/schema';
import { type AuditActor, recordAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import type { AdjustStockInput, BulkAdjustStockInput, SetStockInput } from './schemas';
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

/**
 * Sets a variant's stock to a counted quantity. The variant's row is locked first, so the change written to the
 * ledger is the difference from the stock as it is at that moment: a sale or another "set to" committing meanwhile
 * waits or is waited for, never lost or double-counted. Setting the stock it already has changes nothing.
 */
export async function setStock(actor: AuditActor, input: SetStockInput): Promise<{ stockOnHand: number; slug: string; delta: number }> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ stockOnHand: variants.stockOnHand, slug: products.slug })
      .from(variants)
      .innerJoin(products, eq(products.id, variants.productId))
      .where(eq(variants.id, input.variantId))
      .for('update', { of: variants });
    if (!current) throw new AppError('not_found', 'That variant no longer exists.');
    const delta = input.quantity - current.stockOnHand;
    if (delta === 0) return { stockOnHand: current.stockOnHand, slug: current.slug, delta };
    const note = input.note || null;
    const updated = await moveStock(tx, { variantId: input.variantId, delta, reason: 'correction', actorId: actor.user.id, note });
    // Cannot fail with the row locked and the target at least 0; checked all the same.
    if (!updated) throw new AppError('conflict', 'The stock changed while saving. Please try again.');
    await recordAudit(tx, actor, {
      action: 'inventory.set',
      entityType: 'variant',
      entityId: input.variantId,
      before: { sku: updated.sku, stockOnHand: current.stockOnHand },
      after: { sku: updated.sku, stockOnHand: updated.quantityAfter, delta, reason: 'correction', note },
    });
    return { stockOnHand: updated.quantityAfter, slug: current.slug, delta };
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
