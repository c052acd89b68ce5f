import { connection } from 'next/server';
import { CategoryList } from '@/components/catalog/category-list';
import { ProductGrid } from '@/components/catalog/product-card';
import { getCachedHomeData, getCachedStoreInfo } from '@/lib/catalog/cache';

export default async function HomePage() {
  await connection();
  const [store, { featured, newest, categories, productCount }] = await Promise.all([getCachedStoreInfo(), getCachedHomeData()]);
  return (
    <div className="space-y-14">
      <section aria-labelledby="welcome" className="rounded-2xl bg-brand-50 px-6 py-12 sm:px-12">
        <h1 id="welcome" className="text-3xl font-bold tracking-tight sm:text-4xl">
          {store.name}
        </h1>
        <p className="mt-3 max-w-xl text-zinc-700">
          Everyday goods, well made. <span data-testid="product-count">{productCount}</span>{' '}
          {productCount === 1 ? 'product' : 'products'} in {categories.length}{' '}
          {categories.length === 1 ? 'department' : 'departments'}.
        </p>
      </section>

      <section aria-labelledby="shop-by-category" className="space-y-4">
        <h2 id="shop-by-category" className="text-xl font-semibold">
          Shop by category
        </h2>
        <CategoryList categories={categories} />
      </section>

      <section aria-labelledby="featured" className="space-y-4">
        <h2 id="featured" className="text-xl font-semibold">
          Featured
        </h2>
        <ProductGrid products={featured} label="Featured products" priorityCount={4} />
      </section>

      <section aria-labelledby="new-arrivals" className="space-y-4">
        <h2 id="new-arrivals" className="text-xl font-semibold">
          New arrivals
        </h2>
        <ProductGrid products={newest} label="New arrivals" />
      </section>
    </div>
  );
}
