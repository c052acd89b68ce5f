import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/service';
import { endAllSessions } from '@/lib/auth/service';
import { AppError } from '@/lib/errors';

/**
 * Disables or re-enables a customer account. Disabling ends every session of theirs in the same transaction, so
 * their next request is signed out; an order history stays untouched.
 */
export async function setCustomerStatus(actor: AuditActor, id: string, status: 'active' | 'disabled', executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: users.status })
      .from(users)
      .where(and(eq(users.id, id), eq(users.role, 'customer')))
      .for('update');
    if (!before) throw new AppError('not_found', 'No such customer.');
    if (before.status === status) return;
    await tx.update(users).set({ status }).where(eq(users.id, id));
    if (status === 'disabled') await endAllSessions(id, tx);
    await recordAudit(tx, actor, {
      action: status === 'disabled' ? 'customer.disable' : 'customer.enable',
      entityType: 'user',
      entityId: id,
      before: { status: before.status },
      after: { status },
    });
  });
}
