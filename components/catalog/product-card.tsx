import { useTranslations } from 'next-intl';
import { Image } from '@/components/ui/image';
import { Link } from '@/components/ui/link';
import type { ProductCard as ProductCardData } from '@/lib/catalog/types';
import { Price } from '@/components/ui/price';
import { HighlightedText } from './highlighted-title';

export function ProductCard({ product, priority = false, highlight }: { product: ProductCardData; priority?: boolean; highlight?: string }) {
  const t = useTranslations('Catalog');
  return (
    <article className="group relative flex flex-col" aria-labelledby={`product-${product.id}`}>
      <div className="relative aspect-square overflow-hidden rounded-lg bg-zinc-100">
        {product.image ? (
          <Image
            src={product.image.url}
            alt={product.image.alt}
            width={product.image.width}
            height={product.image.height}
            sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
            // The first row is loaded eagerly, not preloaded: on a phone it sits below the hero or the filters, and
            // a preload in the head would compete with the stylesheet and scripts for the first paint. On a wide
            // screen, where it is in view, the browser raises its priority once laid out.
            loading={priority ? 'eager' : undefined}
            className="h-full w-full object-cover transition-transform duration-300 group-hover:scale-105"
          />
        ) : null}
        {!product.inStock ? (
          <span className="absolute left-2 top-2 rounded bg-zinc-900 px-2 py-0.5 text-xs font-medium text-white">
            {t('soldOut')}
          </span>
        ) : null}
      </div>
      <h3 id={`product-${product.id}`} className="mt-3 text-sm font-medium wrap-anywhere">
        <Link href={`/products/${product.slug}`} className="after:absolute after:inset-0">
          <HighlightedText text={product.title} query={highlight} />
        </Link>
      </h3>
      {product.vendor ? <p className="text-xs text-zinc-600">{product.vendor}</p> : null}
      <Price
        className="mt-1 text-sm"
        amountCents={product.priceMinCents}
        maxCents={product.priceMaxCents}
        currency={product.currency}
        compareAtCents={product.priceMinCents === product.priceMaxCents ? product.compareAtPriceCents : null}
      />
    </article>
  );
}

export function ProductGrid({
  products,
  label,
  priorityCount = 0,
  highlight,
}: {
  products: ProductCardData[];
  label: string;
  priorityCount?: number;
  highlight?: string;
}) {
  if (products.length === 0) return <NoProductsYet />;
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((product, index) => (
        // min-w-0: a grid item is as wide as its longest word otherwise, and one long product name widens the page.
        <li key={product.id} className="min-w-0">
          <ProductCard product={product} priority={index < priorityCount} highlight={highlight} />
        </li>
      ))}
    </ul>
  );
}

function NoProductsYet() {
  const t = useTranslations('Catalog');
  return <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-zinc-600">{t('noProductsYet')}</p>;
}
