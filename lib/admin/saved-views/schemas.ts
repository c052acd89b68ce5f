import { z } from 'zod';

// A saved view is a list's query string under a name. Only the list's own state is kept (filters, sort, direction,
// hidden columns); the page is not part of a view.

export const SAVED_VIEW_LISTS = ['products', 'orders', 'customers'] as const;
export type SavedViewListName = (typeof SAVED_VIEW_LISTS)[number];

const VIEW_PARAMS: Record<SavedViewListName, readonly string[]> = {
  products: ['q', 'status', 'category', 'sort', 'dir', 'hide'],
  orders: ['q', 'status', 'payment', 'from', 'to', 'sort', 'dir', 'hide'],
  customers: ['q', 'sort', 'dir', 'hide'],
};

/** The view's query string with only the list's own parameters, each once, in a stable order. */
export function viewQuery(list: SavedViewListName, query: string): string {
  const given = new URLSearchParams(query.replace(/^\?/, ''));
  const kept = new URLSearchParams();
  for (const key of VIEW_PARAMS[list]) {
    const value = given.get(key);
    if (value) kept.set(key, value.slice(0, 200));
  }
  return kept.toString();
}

export const saveViewSchema = z
  .object({
    list: z.enum(SAVED_VIEW_LISTS),
    name: z.string().trim().min(1, 'Name the view.').max(60, 'At most 60 characters.'),
    query: z.string().max(2000).default(''),
  })
  .transform((input) => ({ ...input, query: viewQuery(input.list, input.query) }));
export type SaveViewInput = z.infer<typeof saveViewSchema>;

export const deleteViewSchema = z.object({ id: z.uuid() });

export type SavedViewDto = { id: string; name: string; query: string };
