import 'server-only';
import { asc } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { searchSynonyms } from '@/db/schema';
import type { SynonymGroup } from './schemas';

/** The merchant's synonym groups, oldest first (the order they were added in). */
export async function listSynonymGroups(executor: Executor = db): Promise<SynonymGroup[]> {
  return executor
    .select({ id: searchSynonyms.id, terms: searchSynonyms.terms, updatedAt: searchSynonyms.updatedAt })
    .from(searchSynonyms)
    .orderBy(asc(searchSynonyms.createdAt), asc(searchSynonyms.id));
}
