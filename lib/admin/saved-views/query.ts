// What a saved view keeps of a list's URL; no zod here, so the list's client components can use it too (zod 4 probes
// for `new Function` when it loads, which the store's Content-Security-Policy reports in the browser).

export const SAVED_VIEW_LISTS = ['products', 'orders', 'customers'] as const;
export type SavedViewListName = (typeof SAVED_VIEW_LISTS)[number];

export type SavedViewDto = { id: string; name: string; query: string };

const VIEW_PARAMS: Record<SavedViewListName, readonly string[]> = {
  products: ['q', 'status', 'category', 'sort', 'dir', 'hide'],
  orders: ['q', 'status', 'payment', 'from', 'to', 'sort', 'dir', 'hide'],
  customers: ['q', 'sort', 'dir', 'hide'],
};

/** The view's query string with only the list's own parameters, each once, in a stable order; never the page. */
export function viewQuery(list: SavedViewListName, query: string): string {
  const given = new URLSearchParams(query.replace(/^\?/, ''));
  const kept = new URLSearchParams();
  for (const key of VIEW_PARAMS[list]) {
    const value = given.get(key);
    if (value) kept.set(key, value.slice(0, 200));
  }
  return kept.toString();
}
