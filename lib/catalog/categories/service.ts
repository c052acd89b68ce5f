import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor, type Transaction } from '@/db/client';
import { categories, productCategories } from '@/db/schema';
import { type AuditActor, recordAudit } from '@/lib/audit/service';
import { slugFieldSchema } from '@/lib/catalog/slug-schema';
import { slugify } from '@/lib/catalog/slug';
import { AppError } from '@/lib/errors';

// The category tree. Each row carries its materialised path of slugs ("apparel/t-shirts") and depth; moving or
// renaming a category rewrites its own and all its descendants' paths in the same transaction.

const optionalParent = z.preprocess((v) => (v === '' ? null : v), z.uuid().nullable().default(null));

export const categoryInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(100, 'At most 100 characters.'),
  slug: slugFieldSchema,
  description: z.string().trim().max(2_000, 'At most 2,000 characters.').optional().default(''),
  parentId: optionalParent,
});
export const updateCategorySchema = categoryInputSchema.extend({ id: z.uuid() });
export type CategoryInput = z.infer<typeof categoryInputSchema>;

export type AdminCategory = { id: string; parentId: string | null; name: string; slug: string; description: string; path: string; depth: number; position: number; productCount: number; childCount: number };

/** Depth-first, siblings by position: the order the tree is drawn in. */
export async function listAdminCategories(executor: Executor = db): Promise<AdminCategory[]> {
  const rows = await executor
    .select({
      id: categories.id,
      parentId: categories.parentId,
      name: categories.name,
      slug: categories.slug,
      description: categories.description,
      path: categories.path,
      depth: categories.depth,
      position: categories.position,
      productCount: sql<number>`(select count(*)::int from ${productCategories} where category_id = ${categories.id})`,
    })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.name));
  const byParent = new Map<string | null, typeof rows>();
  for (const row of rows) byParent.set(row.parentId, [...(byParent.get(row.parentId) ?? []), row]);
  const out: AdminCategory[] = [];
  const walk = (parentId: string | null) => {
    for (const row of byParent.get(parentId) ?? []) {
      out.push({ ...row, childCount: byParent.get(row.id)?.length ?? 0 });
      walk(row.id);
    }
  };
  walk(null);
  return out;
}

const invalid = (field: string, message: string) => new AppError('validation_failed', 'Please check the highlighted fields.', { fieldErrors: { [field]: [message] } });

async function resolveSlug(tx: Transaction, input: CategoryInput, selfId: string | null): Promise<string> {
  const slug = input.slug || slugify(input.name);
  if (!slug) throw invalid('slug', 'Enter a slug.');
  const [clash] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug));
  if (clash && clash.id !== selfId) throw invalid('slug', 'Another category already uses this slug.');
  return slug;
}

async function loadParent(tx: Transaction, parentId: string | null) {
  if (!parentId) return null;
  const [parent] = await tx.select({ id: categories.id, path: categories.path, depth: categories.depth }).from(categories).where(eq(categories.id, parentId));
  if (!parent) throw invalid('parentId', 'That parent category no longer exists.');
  return parent;
}

const siblingsOf = (parentId: string | null) => (parentId ? eq(categories.parentId, parentId) : isNull(categories.parentId));

// Every tree write takes this lock first: two moves at once could otherwise each pass the cycle check.
const lockTree = (tx: Transaction) => tx.execute(sql`select pg_advisory_xact_lock(7224201)`);

export async function createCategory(actor: AuditActor, input: CategoryInput): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    await lockTree(tx);
    const parent = await loadParent(tx, input.parentId);
    const slug = await resolveSlug(tx, input, null);
    const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${categories.position}) + 1, 0)::int` }).from(categories).where(siblingsOf(input.parentId))) as [{ next: number }];
    const path = parent ? `${parent.path}/${slug}` : slug;
    const [row] = await tx
      .insert(categories)
      .values({ name: input.name, slug, description: input.description, parentId: parent?.id ?? null, path, depth: parent ? parent.depth + 1 : 0, position: next })
      .returning({ id: categories.id });
    await recordAudit(tx, actor, { action: 'category.create', entityType: 'category', entityId: row!.id, after: { name: input.name, slug, path } });
    return { id: row!.id };
  });
}

export async function updateCategory(actor: AuditActor, input: CategoryInput & { id: string }): Promise<{ path: string; descendantsMoved: number }> {
  return db.transaction(async (tx) => {
    await lockTree(tx);
    const [before] = await tx.select().from(categories).where(eq(categories.id, input.id)).for('update');
    if (!before) throw new AppError('not_found', 'That category no longer exists.');
    const parent = await loadParent(tx, input.parentId);
    // A category cannot sit under itself or anything below it.
    if (parent && (parent.id === before.id || parent.path.startsWith(`${before.path}/`))) {
      throw invalid('parentId', 'A category cannot be moved under itself or one of its own subcategories.');
    }
    const slug = await resolveSlug(tx, input, before.id);
    const path = parent ? `${parent.path}/${slug}` : slug;
    const depth = parent ? parent.depth + 1 : 0;
    const parentChanged = (parent?.id ?? null) !== before.parentId;
    let position = before.position;
    if (parentChanged) {
      const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${categories.position}) + 1, 0)::int` }).from(categories).where(siblingsOf(parent?.id ?? null))) as [{ next: number }];
      position = next;
    }
    await tx
      .update(categories)
      .set({ name: input.name, slug, description: input.description, parentId: parent?.id ?? null, path, depth, position, updatedAt: new Date() })
      .where(eq(categories.id, before.id));
    let descendantsMoved = 0;
    if (path !== before.path) {
      const moved = await tx
        .update(categories)
        .set({
          path: sql`${path} || substr(${categories.path}, ${before.path.length + 1})`,
          depth: sql`${categories.depth} + ${depth - before.depth}`,
          updatedAt: new Date(),
        })
        .where(sql`starts_with(${categories.path}, ${`${before.path}/`})`)
        .returning({ id: categories.id });
      descendantsMoved = moved.length;
    }
    await recordAudit(tx, actor, {
      action: parentChanged ? 'category.move' : 'category.update',
      entityType: 'category',
      entityId: before.id,
      before: { name: before.name, slug: before.slug, path: before.path, parentId: before.parentId },
      after: { name: input.name, slug, path, parentId: parent?.id ?? null, descendantsMoved },
    });
    return { path, descendantsMoved };
  });
}

/** Moves a category one place up or down among its siblings; their positions are rewritten 0..n-1. */
export async function reorderCategory(actor: AuditActor, id: string, direction: 'up' | 'down'): Promise<void> {
  await db.transaction(async (tx) => {
    await lockTree(tx);
    const [self] = await tx.select({ parentId: categories.parentId }).from(categories).where(eq(categories.id, id));
    if (!self) throw new AppError('not_found', 'That category no longer exists.');
    const siblings = await tx.select({ id: categories.id }).from(categories).where(siblingsOf(self.parentId)).orderBy(asc(categories.position), asc(categories.name));
    const order = siblings.map((s) => s.id);
    const from = order.indexOf(id);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [position, siblingId] of order.entries()) await tx.update(categories).set({ position }).where(eq(categories.id, siblingId));
    await recordAudit(tx, actor, { action: 'category.reorder', entityType: 'category', entityId: id, before: { position: from }, after: { position: to } });
  });
}

/** Refused while it has subcategories; its products stay, they just leave this category. */
export async function deleteCategory(actor: AuditActor, id: string): Promise<{ productsUnlinked: number }> {
  return db.transaction(async (tx) => {
    await lockTree(tx);
    const [before] = await tx.select().from(categories).where(eq(categories.id, id)).for('update');
    if (!before) throw new AppError('not_found', 'That category no longer exists.');
    const [child] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.parentId, id)).limit(1);
    if (child) throw new AppError('conflict', `“${before.name}” has subcategories: move or delete them first.`);
    const unlinked = await tx.delete(productCategories).where(eq(productCategories.categoryId, id)).returning({ productId: productCategories.productId });
    await tx.delete(categories).where(and(eq(categories.id, id)));
    await recordAudit(tx, actor, {
      action: 'category.delete',
      entityType: 'category',
      entityId: id,
      before: { name: before.name, slug: before.slug, path: before.path, productsUnlinked: unlinked.length },
    });
    return { productsUnlinked: unlinked.length };
  });
}
