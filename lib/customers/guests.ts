import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { orders, users } from '@/db/schema';

// Customer records for buyers without an account, kept as Shopify keeps them: one per email address, created at the
// checkout that first uses it. The record is a users row with no password, so it has one id from its first order on —
// through registration (which adopts it) and erasure — and the admin counts orders by it.

/**
 * The customer record for a guest checkout's email (already normalised by the checkout schema), creating it on first
 * use. Runs inside the placement transaction. Two checkouts with the same new email at once: the second insert waits
 * on the first's unique-index entry, then does nothing, and its follow-up read (a new statement, so a new snapshot
 * under read committed) sees the committed row — one record, two orders.
 */
export async function ensureGuestCustomer(tx: Executor, email: string, name: string): Promise<{ id: string; created: boolean }> {
  const [created] = await tx.insert(users).values({ email, name, role: 'customer' }).onConflictDoNothing({ target: users.email }).returning({ id: users.id });
  if (created) return { id: created.id, created: true };
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!existing) throw new Error('customer record vanished during checkout');
  return { id: existing.id, created: false };
}

/**
 * Gives an account the orders its email placed as a guest, so they show under "My orders". Called only once the
 * address is proven (email verified, or a password reset through a link sent there): registering someone else's
 * email must not reveal their orders and addresses.
 */
export async function claimGuestOrders(tx: Executor, userId: string): Promise<number> {
  const claimed = await tx
    .update(orders)
    .set({ userId })
    .where(and(eq(orders.customerId, userId), isNull(orders.userId)))
    .returning({ id: orders.id });
  return claimed.length;
}

/** Whether a customer record has no account yet (no password, not erased): the admin shows it as a guest. */
export const isGuestSql = sql<boolean>`(${users.passwordHash} is null and ${users.erasedAt} is null)`;
