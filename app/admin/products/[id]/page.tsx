import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ProductForm } from '@/components/admin/catalog/product-form';
import { ProductImages } from '@/components/admin/catalog/product-images';
import { FormMessage } from '@/components/ui/form-message';
import { requireStaffPage } from '@/lib/admin/guard';
import { getProductForEdit, listCategoryChoices } from '@/lib/catalog/products/queries';
import { toDecimalString } from '@/lib/money';
import { getStoreInfo } from '@/lib/store/settings';
import { ProductMarketPrices } from '@/components/admin/markets/product-market-prices';
import { getCachedMarkets } from '@/lib/markets/cache';
import { listProductMarketPrices } from '@/lib/markets/queries';

export const metadata = { title: 'Edit product' };

export default async function EditProductPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  await requireStaffPage('staff', `/admin/products/${encodeURIComponent(id)}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const [product, categories, store, query, markets, marketPrices] = await Promise.all([
    getProductForEdit(id),
    listCategoryChoices(),
    getStoreInfo(),
    searchParams,
    getCachedMarkets(),
    listProductMarketPrices(id),
  ]);
  if (!product) notFound();
  const amount = (cents: number | null, currency: string) => (cents === null ? '' : toDecimalString({ amountCents: cents, currency }));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{product.title}</h1>
        {product.status === 'active' ? (
          <Link href={`/products/${product.slug}`} className="text-sm underline">
            View in store
          </Link>
        ) : (
          <span className="text-sm text-zinc-600">Not visible in the store ({product.status})</span>
        )}
      </div>
      {query.created ? <FormMessage status="success" message="Product created." /> : null}
      <ProductForm
        key={product.slug}
        currency={store.currency}
        categories={categories}
        initial={{
          id: product.id,
          title: product.title,
          slug: product.slug,
          description: product.description,
          status: product.status,
          vendor: product.vendor,
          featured: product.featured,
          isGiftCard: product.isGiftCard,
          returnable: product.returnable,
          seoTitle: product.seoTitle,
          seoDescription: product.seoDescription,
          skuPattern: product.skuPattern,
          categoryIds: product.categoryIds,
          options: product.options.map((o) => ({ name: o.name, values: o.values.join(', ') })),
          variants: product.variants.map((v) => ({
            id: v.id,
            values: v.values,
            sku: v.sku,
            price: amount(v.priceCents, store.currency),
            compareAtPrice: amount(v.compareAtPriceCents, store.currency),
            stock: String(v.stock),
            stockBefore: String(v.stock),
            active: v.active,
          })),
        }}
      />
      <ProductImages
        productId={product.id}
        productTitle={product.title}
        images={product.images}
        variants={product.variants.map((variant) => ({ id: variant.id, label: variant.values.join(' / ') || variant.sku }))}
      />
      <ProductMarketPrices
        markets={markets}
        baseCurrency={store.currency}
        variants={product.variants.map((variant) => ({
          id: variant.id,
          sku: variant.sku,
          label: variant.values.join(' / ') || 'Default',
          priceCents: variant.priceCents,
          compareAtPriceCents: variant.compareAtPriceCents,
        }))}
        explicit={marketPrices}
      />
    </div>
  );
}
