'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { actorOf } from '@/lib/admin/actor';
import { invalidateCategories } from '@/lib/catalog/cache';
import { staffAction } from '@/lib/auth/guards';
import { categoryInputSchema, createCategory, deleteCategory, reorderCategory, updateCategory, updateCategorySchema } from '@/lib/catalog/categories/service';

export const createCategoryAction = staffAction(categoryInputSchema, async (input, ctx) => {
  const created = await createCategory(actorOf(ctx), input);
  invalidateCategories();
  refresh();
  return created;
}, { successMessage: 'Category created.' });

export const updateCategoryAction = staffAction(updateCategorySchema, async (input, ctx) => {
  const updated = await updateCategory(actorOf(ctx), input);
  invalidateCategories();
  refresh();
  return updated;
}, { successMessage: 'Category saved.' });

export const reorderCategoryAction = staffAction(z.object({ id: z.uuid(), direction: z.enum(['up', 'down']) }), async (input, ctx) => {
  await reorderCategory(actorOf(ctx), input.id, input.direction);
  invalidateCategories();
  refresh();
  return null;
}, { successMessage: 'Moved.' });

export const deleteCategoryAction = staffAction(z.object({ id: z.uuid() }), async (input, ctx) => {
  const result = await deleteCategory(actorOf(ctx), input.id);
  invalidateCategories();
  refresh();
  return result;
}, { successMessage: 'Deleted.' });
