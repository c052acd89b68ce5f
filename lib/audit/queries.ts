import 'server-only';
import { and, count, desc, eq, gte, ilike, isNotNull, lt, type SQL } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { auditLog } from '@/db/schema';
import { type Page, pageCountOf } from '@/lib/pagination';
import type { AuditLogFilter } from './schemas';

// Read-only: the panel lists the audit log and offers no way to change it (the table is append-only, migration 0003).

export const AUDIT_PER_PAGE = 50;

export type AuditEntryView = {
  id: number;
  createdAt: Date;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listAuditEntries(filter: AuditLogFilter, executor: Executor = db): Promise<Page<AuditEntryView>> {
  const conditions: SQL[] = [];
  if (filter.actor) conditions.push(ilike(auditLog.actorEmail, `%${escapeLike(filter.actor)}%`));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.from) conditions.push(gte(auditLog.createdAt, new Date(`${filter.from}T00:00:00Z`)));
  // "to" is inclusive of the whole day.
  if (filter.to) conditions.push(lt(auditLog.createdAt, new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [totalRow] = await executor.select({ n: count() }).from(auditLog).where(where);
  const total = totalRow?.n ?? 0;
  const pageCount = pageCountOf(total, AUDIT_PER_PAGE);
  const page = Math.min(filter.page, pageCount);
  const items = await executor
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      actorEmail: auditLog.actorEmail,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PER_PAGE)
    .offset((page - 1) * AUDIT_PER_PAGE);
  return { items, page, pageCount, total };
}

/** The distinct actions and entity types recorded so far, for the filter menus. */
export async function listAuditFacets(executor: Executor = db): Promise<{ actors: string[]; actions: string[]; entityTypes: string[] }> {
  const [actors, actions, entityTypes] = await Promise.all([
    // Staff, API keys and system sources: a store has a handful, so the menu lists them all (capped for safety).
    executor.selectDistinct({ value: auditLog.actorEmail }).from(auditLog).where(isNotNull(auditLog.actorEmail)).orderBy(auditLog.actorEmail).limit(200),
    executor.selectDistinct({ value: auditLog.action }).from(auditLog).orderBy(auditLog.action),
    executor.selectDistinct({ value: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType),
  ]);
  return { actors: actors.map((row) => row.value!), actions: actions.map((row) => row.value), entityTypes: entityTypes.map((row) => row.value) };
}
