import { getLocale, getTranslations } from 'next-intl/server';
import { isLocale, localisePath } from '@/lib/i18n/config';
import { localeAlternates } from '@/lib/i18n/metadata';
import type { Metadata } from 'next';
import { imageAttributes } from '@/components/ui/image';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { ProductGrid } from '@/components/catalog/product-card';
import { type GalleryImage, ProductGallery } from '@/components/catalog/product-gallery';
import { SelectedVariantPurchase } from '@/components/catalog/product-purchase';
import { VariantPicker } from '@/components/catalog/variant-picker';
import { VariantPrice } from '@/components/catalog/variant-price';
import { VariantSelectionProvider } from '@/components/catalog/variant-selection';
import { RichText } from '@/components/content/rich-text';
import { productDescriptionText, renderProductDescription } from '@/lib/catalog/description';
import { imageIndexForVariant } from '@/lib/catalog/gallery';
import { getCachedProductDetail, getCachedPromotionBadges, getCachedRelatedProducts, getCachedStoreInfo } from '@/lib/catalog/cache';
import { Badge } from '@/components/ui/badge';
import { productJsonLd } from '@/lib/catalog/structured-data';
import { resolveVariantSelection, selectionFromParams } from '@/lib/catalog/variant-matrix';
import { env } from '@/lib/env';
import { getShopperMarket } from '@/lib/markets/context';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [product, locale, t] = await Promise.all([getCachedProductDetail(slug, await getShopperMarket()), getLocale(), getTranslations('Product')]);
  if (!product) return { title: t('notFound') };
  const description = product.seoDescription ?? productDescriptionText(product.description, 160);
  const image = product.images[0];
  return {
    title: product.seoTitle ?? product.title,
    description,
    alternates: localeAlternates(`/products/${product.slug}`, locale),
    openGraph: {
      type: 'website',
      title: product.seoTitle ?? product.title,
      description,
      url: localisePath(`/products/${product.slug}`, isLocale(locale) ? locale : 'en'),
      images: image ? [{ url: image.url, width: image.width, height: image.height, alt: image.alt }] : undefined,
    },
  };
}

export default async function ProductPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const market = await getShopperMarket();
  const product = await getCachedProductDetail(slug, market);
  if (!product) notFound();
  const [store, related, search, badges, t] = await Promise.all([
    getCachedStoreInfo(),
    getCachedRelatedProducts(product.id, product.slug, market),
    searchParams,
    product.isGiftCard ? [] : getCachedPromotionBadges(product.id, product.slug),
    getTranslations('Product'),
  ]);
  const picked = resolveVariantSelection(product, selectionFromParams(product, search));
  const firstShown = imageIndexForVariant(product.images, product.variants, picked.variant?.id ?? null);
  const gallery: GalleryImage[] = product.images.map((image, index) => {
    const base = { src: image.url, alt: image.alt, width: image.width, height: image.height };
    return {
      alt: image.alt,
      variantIds: image.variantIds,
      url: image.url,
      // The image shown first is the page's largest paint: preloaded from the document head, fetched ahead of scripts.
      main: imageAttributes({ ...base, sizes: '(min-width: 1152px) 552px, (min-width: 768px) 50vw, 100vw', ...(index === firstShown ? { preload: true, fetchPriority: 'high' } : {}) }),
      thumb: imageAttributes({ ...base, sizes: '(min-width: 768px) 100px, 20vw' }),
      zoom: imageAttributes({ ...base, sizes: '200vw', loading: 'eager' }),
    };
  });
  const jsonLd = productJsonLd(product, env.SITE_URL, store.name);

  return (
    <div className="space-y-16">
      <script
        type="application/ld+json"
        // JSON.stringify output with "<" escaped cannot close the script element, whatever the product text holds.
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }}
      />
      <VariantSelectionProvider product={{ options: product.options, variants: product.variants }} initial={picked.selection}>
      <div className="grid gap-10 md:grid-cols-2">
        <ProductGallery images={gallery} variants={product.variants} title={product.title} />

        <section aria-labelledby="product-title" className="space-y-6">
          {product.categories.length > 0 ? (
            <nav aria-label={t('breadcrumb')}>
              <ol className="flex flex-wrap gap-1 text-sm text-zinc-600">
                {product.categories.map((category, index) => (
                  <li key={category.slug} className={index > 0 ? "before:mr-1 before:content-['/']" : undefined}>
                    <Link href={`/categories/${category.slug}`} className="hover:underline">
                      {category.name}
                    </Link>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <div>
            <h1 id="product-title" className="text-3xl font-bold tracking-tight wrap-anywhere">
              {product.title}
            </h1>
            {product.vendor ? <p className="mt-1 text-zinc-600">{product.vendor}</p> : null}
          </div>
          <VariantPrice range={{ minCents: product.priceMinCents, maxCents: product.priceMaxCents, currency: product.currency }} />
          {badges.length > 0 ? (
            <ul aria-label="Promotions" className="flex flex-wrap gap-2">
              {badges.map((badge) => (
                <li key={badge}>
                  <Badge tone="success">{badge}</Badge>
                </li>
              ))}
            </ul>
          ) : null}
          <VariantPicker slug={product.slug} />
          <SelectedVariantPurchase giftCard={product.isGiftCard} />
          {/* Markdown as the merchant wrote it, sanitised on output (lib/catalog/description.ts). */}
          <div className="border-t border-zinc-200 pt-6" data-testid="product-description">
            <RichText html={renderProductDescription(product.description)} />
          </div>
        </section>
      </div>
      </VariantSelectionProvider>

      {related.length > 0 ? (
        <section aria-labelledby="related" className="space-y-4">
          <h2 id="related" className="text-xl font-semibold">
            {t('youMayAlsoLike')}
          </h2>
          <ProductGrid products={related} label={t('relatedProducts')} />
        </section>
      ) : null}
    </div>
  );
}
