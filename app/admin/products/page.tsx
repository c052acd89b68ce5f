import Link from 'next/link';
import { ProductTable } from '@/components/admin/catalog/product-table';
import { Pagination } from '@/components/catalog/pagination';
import { imageAttributes } from '@/components/ui/image';
import { requireStaffPage } from '@/lib/admin/guard';
import { listAdminProducts, listCategoryChoices, productListQuerySchema } from '@/lib/catalog/products/queries';
import { getStoreInfo } from '@/lib/store/settings';
import { formatMoney, money } from '@/lib/money';

export const metadata = { title: 'Products' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminProductsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaffPage('staff', '/admin/products');
  const raw = await searchParams;
  const query = productListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [{ items, total, page, pageCount }, categories, store] = await Promise.all([listAdminProducts(query), listCategoryChoices(), getStoreInfo()]);
  const hrefFor = (p: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    if (query.status) params.set('status', query.status);
    if (query.category) params.set('category', query.category);
    if (query.sort !== 'newest') params.set('sort', query.sort);
    if (p > 1) params.set('page', String(p));
    const s = params.toString();
    return s ? `/admin/products?${s}` : '/admin/products';
  };
  const price = (min: number | null, max: number | null) =>
    min === null ? '—' : max !== null && max > min ? `${formatMoney(money(min, store.currency))} – ${formatMoney(money(max, store.currency))}` : formatMoney(money(min, store.currency));
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold tracking-tight">Products</h1>
        <Link href="/admin/products/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
          New product
        </Link>
      </div>
      <form role="search" aria-label="Filter products" className="flex flex-wrap items-end gap-3" action="/admin/products">
        <div>
          <label htmlFor="products-q" className="block text-sm font-medium">
            Search title or SKU
          </label>
          <input id="products-q" name="q" type="search" defaultValue={query.q ?? ''} className="mt-1 rounded-md border border-zinc-300 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="products-status" className="block text-sm font-medium">
            Status
          </label>
          <select id="products-status" name="status" defaultValue={query.status ?? ''} className="mt-1 rounded-md border border-zinc-300 px-3 py-2">
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="draft">Draft</option>
            <option value="archived">Archived</option>
          </select>
        </div>
        <div>
          <label htmlFor="products-category" className="block text-sm font-medium">
            Category
          </label>
          <select id="products-category" name="category" defaultValue={query.category ?? ''} className="mt-1 max-w-xs rounded-md border border-zinc-300 px-3 py-2">
            <option value="">Any</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {`${'\u00a0\u00a0'.repeat(c.depth)}${c.name}`}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="products-sort" className="block text-sm font-medium">
            Sort
          </label>
          <select id="products-sort" name="sort" defaultValue={query.sort} className="mt-1 rounded-md border border-zinc-300 px-3 py-2">
            <option value="newest">Newest</option>
            <option value="oldest">Oldest</option>
            <option value="updated">Recently updated</option>
            <option value="title">Title A–Z</option>
            <option value="price">Price, low to high</option>
          </select>
        </div>
        <button type="submit" className="rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm font-medium hover:bg-zinc-50">
          Apply
        </button>
      </form>
      <p className="text-sm text-zinc-600" role="status">
        {total === 1 ? '1 product' : `${total.toLocaleString('en-US')} products`}
      </p>
      {items.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 bg-white p-8 text-center text-zinc-600">
          No products match. <Link href="/admin/products/new" className="underline">Create one</Link> or clear the filters.
        </p>
      ) : (
        <ProductTable
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
      )}
      <Pagination page={page} totalPages={pageCount} hrefFor={hrefFor} />
    </div>
  );
}
