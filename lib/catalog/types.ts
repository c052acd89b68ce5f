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
