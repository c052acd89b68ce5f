import { z } from 'zod';

// DTOs the storefront renders and the Store API returns. Never database rows. Each is a zod schema, the one source
// of its TypeScript type (inferred here) and of the Store API's OpenAPI document (lib/api/openapi.ts).

const cents = (description: string) => z.number().int().min(0).describe(`${description}, in minor units (cents)`);
const currency = z.string().regex(/^[A-Z]{3}$/).describe('ISO 4217 currency code');

export const productImageSchema = z.object({ url: z.string(), alt: z.string(), width: z.number().int(), height: z.number().int() });
export type ProductImageView = z.infer<typeof productImageSchema>;

export const productGalleryImageSchema = productImageSchema.extend({
  variantIds: z.array(z.uuid()).describe('The variants this image is shown for; empty for every variant'),
  variantId: z.uuid().nullable().describe('Deprecated (an image may be shown for several variants): the first of variantIds, or null when it is empty'),
});
export type ProductGalleryImage = z.infer<typeof productGalleryImageSchema>;

export const productCardSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  vendor: z.string().nullable(),
  priceMinCents: cents('Lowest variant price'),
  priceMaxCents: cents('Highest variant price'),
  compareAtPriceCents: z.number().int().nullable().describe('Lowest compare-at price above the price, in cents'),
  currency,
  inStock: z.boolean(),
  image: productImageSchema.nullable(),
});
export type ProductCard = z.infer<typeof productCardSchema>;

export type CategoryLink = {
  id: string;
  slug: string;
  name: string;
  productCount: number;
};

export const categorySummarySchema = z.object({ slug: z.string(), name: z.string() });
export type CategorySummary = z.infer<typeof categorySummarySchema>;

export type CategoryNode = { slug: string; name: string; path: string; children: CategoryNode[] };
export const categoryNodeSchema: z.ZodType<CategoryNode> = z.object({
  slug: z.string(),
  name: z.string(),
  path: z.string().describe('Slugs from the root, e.g. "apparel/t-shirts"'),
  get children() {
    return z.array(categoryNodeSchema);
  },
});

export const productOptionSchema = z.object({ name: z.string(), values: z.array(z.string()) });
export type ProductOptionView = z.infer<typeof productOptionSchema>;

export const variantSchema = z.object({
  id: z.uuid(),
  sku: z.string(),
  title: z.string(),
  options: z.record(z.string(), z.string()).describe('Option name → value, e.g. { "Size": "M", "Colour": "Black" }'),
  priceCents: cents('Price'),
  compareAtPriceCents: z.number().int().nullable(),
  currency,
  inStock: z.boolean(),
  maxQuantity: z.number().int().min(0).describe('Units a shopper may add: stock, capped at the per-line maximum; 0 when sold out'),
});
export type VariantView = z.infer<typeof variantSchema>;

export const productDetailSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  vendor: z.string().nullable(),
  seoTitle: z.string().nullable(),
  seoDescription: z.string().nullable(),
  priceMinCents: cents('Lowest variant price'),
  priceMaxCents: cents('Highest variant price'),
  currency,
  images: z.array(productGalleryImageSchema),
  options: z.array(productOptionSchema),
  variants: z.array(variantSchema),
  categories: z.array(categorySummarySchema),
  isGiftCard: z.boolean().describe('A gift card: its variants are denominations; adding one may name a recipient (AddCartLineRequest.recipient)'),
  updatedAt: z.iso.datetime(),
});
export type ProductDetail = z.infer<typeof productDetailSchema>;

export const catalogFacetsSchema = z
  .object({
    categories: z.array(z.object({ slug: z.string(), name: z.string(), count: z.number().int() })),
    options: z.array(
      z.object({
        key: z.string().describe('Use as opt.{key}'),
        name: z.string(),
        values: z.array(z.object({ value: z.string(), count: z.number().int(), selected: z.boolean() })),
      }),
    ),
    priceBuckets: z.array(z.object({ minCents: z.number().int(), maxCents: z.number().int().nullable(), count: z.number().int(), selected: z.boolean() })),
    inStock: z.object({ count: z.number().int(), selected: z.boolean() }),
  })
  .describe('Counts per choice, each under every active filter except its own.');
export type CatalogFacets = z.infer<typeof catalogFacetsSchema>;
export type FacetOption = CatalogFacets['options'][number];
export type FacetOptionValue = FacetOption['values'][number];
export type FacetCategory = CatalogFacets['categories'][number];
export type PriceBucket = CatalogFacets['priceBuckets'][number];
