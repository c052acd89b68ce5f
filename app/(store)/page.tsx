import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { localeAlternates } from '@/lib/i18n/metadata';
import { connection } from 'next/server';
import { HomeHero } from '@/components/content/home-hero';
import { CategoryList } from '@/components/catalog/category-list';
import { ProductGrid } from '@/components/catalog/product-card';
import { getCachedHomeData, getCachedStoreInfo } from '@/lib/catalog/cache';
import { getCachedHomePage } from '@/lib/store/content/cache';
import { getShopperMarket } from '@/lib/markets/context';

export async function generateMetadata(): Promise<Metadata> {
  return { alternates: localeAlternates('/', await getLocale()) };
}

// The home page as the merchant composed it in the admin (hero, featured categories, collections); until they do,
// a hero with the store's name, the top categories, featured products and new arrivals.
export default async function HomePage() {
  await connection();
  const [store, market, t] = await Promise.all([getCachedStoreInfo(), getShopperMarket(), getTranslations('Home')]);
  const [home, { featured, newest, categories, productCount }] = await Promise.all([getCachedHomePage(store.name), getCachedHomeData(market)]);
  const chosen = home.featuredCategoryIds.length > 0 ? home.featuredCategoryIds.map((id) => categories.find((category) => category.id === id)).filter((c) => c !== undefined) : categories;
  const products = { featured, newest };
  return (
    <div className="space-y-14">
      <HomeHero heading={home.heroHeading} text={home.heroText} imageUrl={home.heroImageUrl} imageAlt={home.heroImageAlt} ctaLabel={home.ctaLabel} ctaHref={home.ctaHref} />
      <p className="-mt-10 text-sm text-zinc-600">
        {t.rich('counts', {
          // As a plain number (the count's test id is read as one), not grouped in the language's way.
          shown: String(productCount),
          products: productCount,
          departments: categories.length,
          count: (chunks) => <span data-testid="product-count">{chunks}</span>,
        })}
      </p>

      {chosen.length > 0 ? (
        <section aria-labelledby="shop-by-category" className="space-y-4">
          <h2 id="shop-by-category" className="text-xl font-semibold">
            {t('shopByCategory')}
          </h2>
          <CategoryList categories={chosen} />
        </section>
      ) : null}

      {home.collections.map((collection) =>
        products[collection.key].length > 0 ? (
          <section key={collection.key} aria-labelledby={`collection-${collection.key}`} className="space-y-4">
            <h2 id={`collection-${collection.key}`} className="text-xl font-semibold">
              {collection.title}
            </h2>
            <ProductGrid products={products[collection.key]} label={collection.title} priorityCount={collection.key === home.collections[0]?.key ? 4 : 0} />
          </section>
        ) : null,
      )}
    </div>
  );
}
