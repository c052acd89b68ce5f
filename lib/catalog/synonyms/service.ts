import 'server-only';
import { count, eq, sql } from 'drizzle-orm';
import { db, type Transaction } from '@/db/client';
import { searchSynonyms } from '@/db/schema';
import { type AuditActor, recordAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { MAX_SYNONYM_GROUPS } from './schemas';

// Writes to the search synonym groups, each audited in its own transaction. Callers drop the cached search
// vocabulary afterwards (lib/catalog/cache.ts invalidateSearchSynonyms).

const notFound = () => new AppError('not_found', 'That synonym group no longer exists.');

// Two creates at once could each see room under the cap: the count and the insert hold this lock.
const lockSynonyms = (tx: Transaction) => tx.execute(sql`select pg_advisory_xact_lock(7224217)`);

export async function createSynonymGroup(actor: AuditActor, terms: string[]): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    await lockSynonyms(tx);
    const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(searchSynonyms);
    if (total >= MAX_SYNONYM_GROUPS) throw new AppError('conflict', `At most ${MAX_SYNONYM_GROUPS} synonym groups.`);
    const [row] = await tx.insert(searchSynonyms).values({ terms }).returning({ id: searchSynonyms.id });
    await recordAudit(tx, actor, { action: 'search_synonyms.create', entityType: 'search_synonyms', entityId: row!.id, after: { terms } });
    return { id: row!.id };
  });
}

export async function updateSynonymGroup(actor: AuditActor, id: string, terms: string[]): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ terms: searchSynonyms.terms }).from(searchSynonyms).where(eq(searchSynonyms.id, id)).for('update');
    if (!before) throw notFound();
    await tx.update(searchSynonyms).set({ terms, updatedAt: new Date() }).where(eq(searchSynonyms.id, id));
    await recordAudit(tx, actor, { action: 'search_synonyms.update', entityType: 'search_synonyms', entityId: id, before: { terms: before.terms }, after: { terms } });
    return { id };
  });
}

export async function deleteSynonymGroup(actor: AuditActor, id: string): Promise<null> {
  return db.transaction(async (tx) => {
    const [deleted] = await tx.delete(searchSynonyms).where(eq(searchSynonyms.id, id)).returning({ terms: searchSynonyms.terms });
    if (!deleted) throw notFound();
    await recordAudit(tx, actor, { action: 'search_synonyms.delete', entityType: 'search_synonyms', entityId: id, before: { terms: deleted.terms } });
    return null;
  });
}
