import Link from 'next/link';
import { InlineStockField } from '@/components/admin/catalog/inline-stock-field';
import { Pagination } from '@/components/catalog/pagination';
import { ListFilters } from '@/components/ui/list-filters';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { requireStaffPage } from '@/lib/admin/guard';
import { listInventory } from '@/lib/inventory/queries';
import { inventoryQuerySchema } from '@/lib/inventory/schemas';

export const metadata = { title: 'Inventory' };

export default async function AdminInventoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaffPage('staff', '/admin/inventory');
  const raw = await searchParams;
  const query = inventoryQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const { items, total, threshold, page, pageCount } = await listInventory(query);
  const hrefFor = (p: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    if (query.low) params.set('low', '1');
    if (p > 1) params.set('page', String(p));
    const s = params.toString();
    return s ? `/admin/inventory?${s}` : '/admin/inventory';
  };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Inventory</h1>
      <ListFilters
        label="Filter inventory"
        idPrefix="inventory"
        fields={[
          { kind: 'search', name: 'q', label: 'Search product title or SKU' },
          { kind: 'select', name: 'low', label: 'Stock', anyLabel: 'All variants', options: [{ value: '1', label: `Low stock only (${threshold} or fewer)` }] },
        ]}
      />
      <p className="text-sm text-zinc-600" role="status">{total === 1 ? '1 variant' : `${total.toLocaleString('en-US')} variants`}</p>
      <p className="text-sm text-zinc-600">Type a counted number in On hand and press Enter (or leave the field) to set the stock; Escape puts it back.</p>
      {items.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 bg-white p-8 text-center text-zinc-600">No variants match.</p>
      ) : (
        <ScrollRegion label="Variants and stock, scrollable">
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">Variants and stock</caption>
          <thead>
            <tr className="border-b border-zinc-200 text-left">
              <th scope="col" className="p-2">SKU</th>
              <th scope="col" className="p-2">Product</th>
              <th scope="col" className="p-2">Variant</th>
              <th scope="col" className="p-2 text-right">On hand</th>
            </tr>
          </thead>
          <tbody>
            {items.map((v) => (
              <tr key={v.variantId} className="border-b border-zinc-100">
                <td className="p-2">
                  <Link href={`/admin/inventory/${v.variantId}`} className="font-mono hover:underline">{v.sku}</Link>
                </td>
                <td className="p-2">{v.productTitle}</td>
                <td className="p-2">{v.variantTitle}{v.isActive ? '' : ' (disabled)'}</td>
                <td className="p-2 text-right">
                  <InlineStockField variantId={v.variantId} sku={v.sku} stock={v.stockOnHand} low={v.stockOnHand <= threshold} />
                  {v.stockOnHand <= threshold ? <span className="sr-only"> (low)</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollRegion>
      )}
      <Pagination page={page} totalPages={pageCount} hrefFor={hrefFor} />
    </div>
  );
}
