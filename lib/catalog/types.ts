// DTOs the storefront renders. Never database rows.

export type ProductCard = {
  id: string;
  slug: string;
  title: string;
  vendor: string | null;
  priceMinCents: number;
  priceMaxCents: number;
  compareAtPriceCents: number | null;
  currency: string;
  inStock: boolean;
  image: { url: string; alt: string; width: number; height: number } | null;
};

export type CategoryLink = {
  id: string;
  slug: string;
  name: string;
  productCount: number;
};

export type CategorySummary = { slug: string; name: string };

export type CategoryNode = { slug: string; name: string; path: string; children: CategoryNode[] };

export type ProductOptionView = { name: string; values: string[] };

export type VariantView = {
  id: string;
  sku: string;
  title: string;
  /** Option name → value, e.g. { Size: 'M', Colour: 'Black' }. */
  options: Record<string, string>;
  priceCents: number;
  compareAtPriceCents: number | null;
  currency: string;
  inStock: boolean;
  /** Units a shopper may add: stock, capped at the per-line maximum. 0 when sold out. */
  maxQuantity: number;
};

export type ProductImageView = { url: string; alt: string; width: number; height: number };

export type ProductDetail = {
  id: string;
  slug: string;
  title: string;
  description: string;
  vendor: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  priceMinCents: number;
  priceMaxCents: number;
  currency: string;
  images: ProductImageView[];
  options: ProductOptionView[];
  variants: VariantView[];
  categories: CategorySummary[];
  updatedAt: string;
};
