import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { savedViews } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { SavedViewDto, SavedViewListName } from './query';
import type { SaveViewInput } from './schemas';

// A staff member's saved views of the admin lists. Every read and write names the owner in its WHERE clause: one
// person's views are never another's to see or delete.

const MAX_VIEWS_PER_LIST = 30;

export async function listSavedViews(userId: string, list: SavedViewListName, executor: Executor = db): Promise<SavedViewDto[]> {
  return executor
    .select({ id: savedViews.id, name: savedViews.name, query: savedViews.query })
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), eq(savedViews.list, list)))
    .orderBy(asc(savedViews.name));
}

/** Saves the view under its name; a view of the same name on the same list is replaced. */
export async function saveView(userId: string, input: SaveViewInput, executor: Executor = db): Promise<SavedViewDto> {
  const mine = and(eq(savedViews.userId, userId), eq(savedViews.list, input.list));
  const existing = await executor.select({ name: savedViews.name }).from(savedViews).where(mine);
  if (existing.length >= MAX_VIEWS_PER_LIST && !existing.some((view) => view.name === input.name)) {
    throw new AppError('conflict', `At most ${MAX_VIEWS_PER_LIST} saved views per list: delete one first.`);
  }
  const [saved] = await executor
    .insert(savedViews)
    .values({ userId, list: input.list, name: input.name, query: input.query })
    .onConflictDoUpdate({ target: [savedViews.userId, savedViews.list, savedViews.name], set: { query: input.query, updatedAt: new Date() } })
    .returning({ id: savedViews.id, name: savedViews.name, query: savedViews.query });
  return saved!;
}

export async function deleteView(userId: string, id: string, executor: Executor = db): Promise<boolean> {
  const deleted = await executor
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, userId)))
    .returning({ id: savedViews.id });
  return deleted.length > 0;
}
