import Link from 'next/link';
import { ProductTable } from '@/components/admin/catalog/product-table';
import { SavedViews } from '@/components/admin/saved-views';
import { imageAttributes } from '@/components/ui/image';
import { ListFilters } from '@/components/ui/list-filters';
import { requireStaffPage } from '@/lib/admin/guard';
import { listSavedViews } from '@/lib/admin/saved-views/service';
import { listAdminProducts, listCategoryChoices, productListQuerySchema, productSortDirection } from '@/lib/catalog/products/queries';
import { getStoreInfo } from '@/lib/store/settings';
import { formatMoney, money } from '@/lib/money';

export const metadata = { title: 'Products' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminProductsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireStaffPage('staff', '/admin/products');
  const raw = await searchParams;
  const query = productListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [{ items, total, page, pageCount }, categories, store, views] = await Promise.all([
    listAdminProducts(query),
    listCategoryChoices(),
    getStoreInfo(),
    listSavedViews(user.id, 'products'),
  ]);
  const price = (min: number | null, max: number | null) =>
    min === null ? '—' : max !== null && max > min ? `${formatMoney(money(min, store.currency))} – ${formatMoney(money(max, store.currency))}` : formatMoney(money(min, store.currency));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Products</h1>
        <Link href="/admin/products/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
          New product
        </Link>
      </div>
      <SavedViews list="products" views={views} />
      <ListFilters
        label="Filter products"
        idPrefix="products"
        fields={[
          { kind: 'search', name: 'q', label: 'Search title or SKU' },
          {
            kind: 'select',
            name: 'status',
            label: 'Status',
            options: [
              { value: 'active', label: 'Active' },
              { value: 'draft', label: 'Draft' },
              { value: 'archived', label: 'Archived' },
            ],
          },
          {
            kind: 'select',
            name: 'category',
            label: 'Category',
            options: categories.map((c) => ({ value: c.id, label: `${'\u00a0\u00a0'.repeat(c.depth)}${c.name}` })),
          },
        ]}
      />
      <p className="text-sm text-zinc-600" role="status">
        {total === 1 ? '1 product' : `${total.toLocaleString('en-US')} products`}
      </p>
      <ProductTable
        sort={{ key: query.sort, dir: productSortDirection(query) }}
        page={page}
        pageCount={pageCount}
        empty={
          <p className="rounded-md border border-dashed border-zinc-300 bg-white p-8 text-center text-zinc-600">
            No products match. <Link href="/admin/products/new" className="underline">Create one</Link> or clear the filters.
          </p>
        }
        rows={items.map((p) => ({
          id: p.id,
          title: p.title,
          vendor: p.vendor,
          status: p.status,
          price: price(p.priceMinCents, p.priceMaxCents),
          variantCount: p.variantCount,
          stockTotal: p.stockTotal,
          updated: p.updatedAt.toISOString().slice(0, 10),
          thumbnail: p.thumbnailUrl ? imageAttributes({ src: p.thumbnailUrl, alt: '', width: 40, height: 40, sizes: '40px' }) : null,
        }))}
      />
    </div>
  );
}
