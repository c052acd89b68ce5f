import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { categories } from '@/db/schema';
import type { CategoryNode, CategorySummary } from '@/lib/catalog/types';

export async function getCategoryBySlug(slug: string, executor: Executor = db) {
  const [row] = await executor
    .select({
      id: categories.id,
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
      path: categories.path,
      seoTitle: categories.seoTitle,
      seoDescription: categories.seoDescription,
    })
    .from(categories)
    .where(eq(categories.slug, slug));
  return row ?? null;
}

/** The chain of ancestors of a category, root first, from its materialised path. */
export async function listCategoryAncestors(path: string, executor: Executor = db): Promise<CategorySummary[]> {
  const parts = path.split('/');
  const ancestorPaths = parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join('/'));
  if (ancestorPaths.length === 0) return [];
  const rows = await executor
    .select({ slug: categories.slug, name: categories.name, path: categories.path })
    .from(categories)
    .where(inArray(categories.path, ancestorPaths));
  return rows.sort((a, b) => a.path.length - b.path.length).map(({ slug, name }) => ({ slug, name }));
}

/** The whole category tree, ordered by position, for navigation and the Store API. */
export async function listCategoryTree(executor: Executor = db): Promise<CategoryNode[]> {
  const rows = await executor
    .select({ id: categories.id, parentId: categories.parentId, slug: categories.slug, name: categories.name, path: categories.path })
    .from(categories)
    .orderBy(asc(categories.depth), asc(categories.position), asc(categories.name));
  const nodes = new Map<string, CategoryNode>();
  const roots: CategoryNode[] = [];
  for (const row of rows) {
    const node: CategoryNode = { slug: row.slug, name: row.name, path: row.path, children: [] };
    nodes.set(row.id, node);
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export type CategoryChoice = { id: string; slug: string; name: string; path: string; depth: number };

/** Every category by id, in tree order: for pickers (menus, the home page) and to resolve what they chose. */
export async function listCategoryChoices(executor: Executor = db): Promise<CategoryChoice[]> {
  return executor
    .select({ id: categories.id, slug: categories.slug, name: categories.name, path: categories.path, depth: categories.depth })
    .from(categories)
    .orderBy(asc(categories.path));
}
