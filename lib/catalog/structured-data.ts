import type { ProductDetail } from './types';
import { toDecimalString } from '@/lib/money';
import { productDescriptionText } from './description';

/** schema.org Product with one Offer per variant, for rich results. Prices as decimal strings, never floats. */
export function productJsonLd(product: ProductDetail, siteUrl: string, storeName: string) {
  const url = new URL(`/products/${product.slug}`, siteUrl).toString();
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    description: productDescriptionText(product.description, 5000),
    url,
    image: product.images.map((image) => new URL(image.url, siteUrl).toString()),
    brand: product.vendor ? { '@type': 'Brand', name: product.vendor } : undefined,
    offers: product.variants.map((variant) => ({
      '@type': 'Offer',
      sku: variant.sku,
      name: variant.title,
      price: toDecimalString({ amountCents: variant.priceCents, currency: variant.currency }),
      priceCurrency: variant.currency,
      availability: variant.inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      url: `${url}?${new URLSearchParams(Object.entries(variant.options).map(([name, value]) => [name.toLowerCase(), value])).toString()}`,
      seller: { '@type': 'Organization', name: storeName },
    })),
  };
}
