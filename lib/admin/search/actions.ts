'use server';

import { refresh } from 'next/cache';
import { actorOf } from '@/lib/admin/actor';
import { staffAction } from '@/lib/auth/guards';
import { invalidateSearchSynonyms } from '@/lib/catalog/cache';
import { createSynonymGroupSchema, deleteSynonymGroupSchema, updateSynonymGroupSchema } from '@/lib/catalog/synonyms/schemas';
import { createSynonymGroup, deleteSynonymGroup, updateSynonymGroup } from '@/lib/catalog/synonyms/service';

export const createSynonymGroupAction = staffAction(
  createSynonymGroupSchema,
  async (input, ctx) => {
    const created = await createSynonymGroup(actorOf(ctx), input.terms);
    invalidateSearchSynonyms();
    refresh();
    return created;
  },
  { successMessage: 'Synonyms added.' },
);

export const updateSynonymGroupAction = staffAction(
  updateSynonymGroupSchema,
  async (input, ctx) => {
    const updated = await updateSynonymGroup(actorOf(ctx), input.id, input.terms);
    invalidateSearchSynonyms();
    refresh();
    return updated;
  },
  { successMessage: 'Saved.' },
);

export const deleteSynonymGroupAction = staffAction(
  deleteSynonymGroupSchema,
  async (input, ctx) => {
    const result = await deleteSynonymGroup(actorOf(ctx), input.id);
    invalidateSearchSynonyms();
    refresh();
    return result;
  },
  { successMessage: 'Deleted.' },
);
