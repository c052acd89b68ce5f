import { InventoryTable } from '@/components/admin/catalog/inventory-table';
import { imageAttributes } from '@/components/ui/image';
import { ListFilters } from '@/components/ui/list-filters';
import { requireStaffPage } from '@/lib/admin/guard';
import { listInventory } from '@/lib/inventory/queries';
import { inventoryQuerySchema, inventorySort } from '@/lib/inventory/schemas';

export const metadata = { title: 'Inventory' };

export default async function AdminInventoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaffPage('staff', '/admin/inventory');
  const raw = await searchParams;
  const query = inventoryQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const { items, total, threshold, page, pageCount } = await listInventory(query);
  return (
    <div className="space-y-4">
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
      <InventoryTable
        sort={inventorySort(query)}
        page={page}
        pageCount={pageCount}
        empty={<p className="rounded-md border border-dashed border-zinc-300 bg-white p-8 text-center text-zinc-600">No variants match.</p>}
        rows={items.map((v) => ({
          variantId: v.variantId,
          sku: v.sku,
          productId: v.productId,
          productTitle: v.productTitle,
          variantTitle: v.variantTitle,
          stock: v.stockOnHand,
          isActive: v.isActive,
          low: v.stockOnHand <= threshold,
          thumbnail: v.thumbnailUrl ? imageAttributes({ src: v.thumbnailUrl, alt: '', width: 40, height: 40, sizes: '40px' }) : null,
        }))}
      />
    </div>
  );
}
