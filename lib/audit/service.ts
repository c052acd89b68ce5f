import 'server-only';
import { auditLog } from '@/db/schema';
import type { Transaction } from '@/db/client';
import type { SessionUser } from '@/lib/auth/session-types';

/**
 * Who made a write: a staff member, or an Admin API key (no user id; `email` names the key, e.g.
 * "api-key:ERP sync (sfk_3hT9…)"), so the audit log, the ledger and the order timeline say which key did it.
 */
export type AuditActor = { user: { id: SessionUser['id'] | null; email: SessionUser['email'] }; requestId: string; ip?: string };

/** A signed-in person acting (their own security settings, store settings): never an API key. */
export type PersonActor = AuditActor & { user: Pick<SessionUser, 'id' | 'email'> };

export type AuditEntry = {
  /** Dotted verb, e.g. "product.update", "order.cancel", "staff.role_change". */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/**
 * Records an admin write. Call it with the same transaction as the write, so the change and its audit row commit or
 * roll back together. The table is append-only (migration 0003): nothing in the panel can edit or delete a row.
 */
export async function recordAudit(tx: Transaction, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.user.id,
    actorEmail: actor.user.email,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor.ip ?? null,
    requestId: actor.requestId,
  });
}

/**
 * Records a write the store made on its own, on a provider's word (a Stripe webhook) rather than a person's: no
 * actor id, and `actorEmail` names the source ("system:stripe-webhook") so the audit log still says who.
 */
export async function recordSystemAudit(tx: Transaction, source: string, entry: AuditEntry & { requestId?: string }): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: null,
    actorEmail: `system:${source}`,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: null,
    requestId: entry.requestId ?? null,
  });
}
