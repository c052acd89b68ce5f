'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { actorOf } from '@/lib/admin/actor';
import { CACHE_TAGS, invalidateCategories } from '@/lib/catalog/cache';
import { staffAction } from '@/lib/http/action';
import { revalidateTag } from 'next/cache';
import { categoryInputSchema, createCategory, deleteCategory, reorderCategory, updateCategory, updateCategorySchema } from './service';

// Category paths appear in product pages' breadcrumbs and listings, so tree writes refresh the catalog too.
function invalidateTree() {
  invalidateCategories();
  revalidateTag(CACHE_TAGS.catalog, { expire: 0 });
}

export const createCategoryAction = staffAction(categoryInputSchema, async (input, ctx) => {
  const created = await createCategory(actorOf(ctx), input);
  invalidateTree();
  refresh();
  return created;
});

export const updateCategoryAction = staffAction(updateCategorySchema, async (input, ctx) => {
  const updated = await updateCategory(actorOf(ctx), input);
  invalidateTree();
  refresh();
  return updated;
});

export const reorderCategoryAction = staffAction(z.object({ id: z.uuid(), direction: z.enum(['up', 'down']) }), async (input, ctx) => {
  await reorderCategory(actorOf(ctx), input.id, input.direction);
  invalidateTree();
  refresh();
  return null;
});

export const deleteCategoryAction = staffAction(z.object({ id: z.uuid() }), async (input, ctx) => {
  const result = await deleteCategory(actorOf(ctx), input.id);
  invalidateTree();
  refresh();
  return result;
});
