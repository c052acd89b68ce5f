import { z } from 'zod';
import { SAVED_VIEW_LISTS, viewQuery } from './query';

// A saved view is a list's query string under a name (lib/admin/saved-views/query.ts says which parameters).

export const saveViewSchema = z
  .object({
    list: z.enum(SAVED_VIEW_LISTS),
    name: z.string().trim().min(1, 'Name the view.').max(60, 'At most 60 characters.'),
    query: z.string().max(2000).default(''),
  })
  .transform((input) => ({ ...input, query: viewQuery(input.list, input.query) }));
export type SaveViewInput = z.infer<typeof saveViewSchema>;

export const deleteViewSchema = z.object({ id: z.uuid() });
