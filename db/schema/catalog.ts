import { sql, type SQL } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, currency, id, tsvector, updatedAt } from './columns';

export const categories = pgTable(
  'categories',
  {
    id: id(),
    parentId: uuid().references((): AnyPgColumn => categories.id, { onDelete: 'restrict' }),
    slug: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    // Materialised path of slugs ("apparel/t-shirts"): descendant queries are a prefix match, no recursion.
    path: text().notNull(),
    depth: integer().notNull().default(0),
    position: integer().notNull().default(0),
    seoTitle: text(),
    seoDescription: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('categories_slug_unique').on(t.slug),
    uniqueIndex('categories_path_unique').on(t.path),
    index('categories_parent_id_idx').on(t.parentId, t.position),
    check('categories_depth_check', sql`${t.depth} >= 0`),
  ],
);

export const productStatuses = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof productStatuses)[number];

export const products = pgTable(
  'products',
  {
    id: id(),
    slug: text().notNull(),
    title: text().notNull(),
    // Markdown (older rows are plain text, which reads the same): rendered to HTML and sanitised on output
    // (lib/catalog/description.ts), reduced to plain text for meta descriptions and structured data.
    description: text().notNull().default(''),
    status: text({ enum: productStatuses }).notNull().default('draft'),
    vendor: text(),
    featured: boolean().notNull().default(false),
    // Product type "gift card": its variants are denominations; each unit paid for issues a card (lib/gift-cards).
    // Not discountable, no tax, no shipping.
    isGiftCard: boolean().notNull().default(false),
    // Return policy: whether customers may ask to return it (final-sale items are not).
    returnable: boolean().notNull().default(true),
    seoTitle: text(),
    seoDescription: text(),
    // How the editor fills an empty variant SKU, e.g. "{PRODUCT}-{SIZE}-{COLOUR}" (lib/catalog/products/sku-pattern.ts);
    // null: the product's code and every option.
    skuPattern: text(),
    // Denormalised from active variants by the catalog service so price sorting and range filters need no join.
    priceMinCents: integer(),
    priceMaxCents: integer(),
    // Units sold, maintained at order placement; drives "best selling".
    salesCount: integer().notNull().default(0),
    searchVector: tsvector().generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(vendor, '')), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')`,
    ),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('products_slug_unique').on(t.slug),
    index('products_status_created_at_idx').on(t.status, t.createdAt),
    // The admin's unfiltered product list (every status), newest first.
    index('products_created_at_idx').on(t.createdAt, t.id),
    index('products_status_price_idx').on(t.status, t.priceMinCents),
    index('products_status_sales_idx').on(t.status, t.salesCount),
    index('products_featured_idx').on(t.featured),
    index('products_search_vector_idx').using('gin', t.searchVector),
    index('products_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    check('products_status_check', sql`${t.status} in ('draft', 'active', 'archived')`),
    check('products_sales_count_check', sql`${t.salesCount} >= 0`),
    check('products_price_range_check', sql`${t.priceMinCents} >= 0 and ${t.priceMaxCents} >= ${t.priceMinCents}`),
  ],
);

export const productCategories = pgTable(
  'product_categories',
  {
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    categoryId: uuid()
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.categoryId] }),
    index('product_categories_category_id_idx').on(t.categoryId, t.position),
  ],
);

export const productOptions = pgTable(
  'product_options',
  {
    id: id(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex('product_options_product_name_unique').on(t.productId, t.name),
    // Facet labels are looked up by lower-case option name; with the name itself in the key, "how is it written"
    // (the smallest spelling) is one index probe per option instead of a pass over every product's options.
    index('product_options_lower_name_idx').on(sql`lower(${t.name})`, t.name),
  ],
);

export const productOptionValues = pgTable(
  'product_option_values',
  {
    id: id(),
    optionId: uuid()
      .notNull()
      .references(() => productOptions.id, { onDelete: 'cascade' }),
    value: text().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [uniqueIndex('product_option_values_option_value_unique').on(t.optionId, t.value)],
);

export const variants = pgTable(
  'variants',
  {
    id: id(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    sku: text().notNull(),
    // "M / Black": the option values in option order, for display and order-line snapshots.
    title: text().notNull(),
    priceCents: integer().notNull(),
    compareAtPriceCents: integer(),
    currency: currency(),
    stockOnHand: integer().notNull().default(0),
    weightGrams: integer().notNull().default(0),
    position: integer().notNull().default(0),
    isActive: boolean().notNull().default(true),
    // "colour=Black", "size=M": this variant's option values, kept by database triggers from the option tables so
    // that catalog filters are one indexed array overlap and facet counts one unnest (see migration 0002).
    optionTokens: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('variants_sku_unique').on(t.sku),
    index('variants_option_tokens_idx').using('gin', t.optionTokens),
    index('variants_product_id_idx').on(t.productId, t.position),
    // Free-text search reads the active variants of every matched product (thousands for "jacket") for the filters
    // and facet counts: covering those columns makes it an index-only scan, not one heap visit per variant.
    // (Key columns rather than INCLUDE: drizzle-kit 0.31 cannot express INCLUDE; only product_id is searched on.)
    index('variants_active_facets_idx')
      .on(t.productId, t.priceCents, t.stockOnHand, t.optionTokens)
      .where(sql`${t.isActive}`),
    index('variants_price_idx').on(t.priceCents),
    index('variants_stock_idx').on(t.stockOnHand),
    check('variants_price_check', sql`${t.priceCents} >= 0`),
    check('variants_compare_at_check', sql`${t.compareAtPriceCents} is null or ${t.compareAtPriceCents} >= 0`),
    // The conditional decrement at checkout relies on this as a last line of defence against oversell.
    check('variants_stock_check', sql`${t.stockOnHand} >= 0`),
    check('variants_weight_check', sql`${t.weightGrams} >= 0`),
  ],
);

export const variantOptionValues = pgTable(
  'variant_option_values',
  {
    variantId: uuid()
      .notNull()
      .references(() => variants.id, { onDelete: 'cascade' }),
    optionValueId: uuid()
      .notNull()
      .references(() => productOptionValues.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.variantId, t.optionValueId] }),
    index('variant_option_values_option_value_id_idx').on(t.optionValueId),
  ],
);

export const productImages = pgTable(
  'product_images',
  {
    id: id(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    // Key in the media store (local disk or S3); the public URL is derived from it.
    storageKey: text().notNull(),
    altText: text().notNull().default(''),
    width: integer().notNull(),
    height: integer().notNull(),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('product_images_product_id_idx').on(t.productId, t.position),
    check('product_images_dimensions_check', sql`${t.width} > 0 and ${t.height} > 0`),
  ],
);

// The variants an image is shown for (any number; none: every variant). Deleting either side drops the link.
export const productImageVariants = pgTable(
  'product_image_variants',
  {
    imageId: uuid()
      .notNull()
      .references(() => productImages.id, { onDelete: 'cascade' }),
    variantId: uuid()
      .notNull()
      .references(() => variants.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.imageId, t.variantId] }), index('product_image_variants_variant_id_idx').on(t.variantId)],
);

export type Category = typeof categories.$inferSelect;
export type NewCategory = typeof categories.$inferInsert;
export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
export type ProductCategory = typeof productCategories.$inferSelect;
export type ProductOption = typeof productOptions.$inferSelect;
export type NewProductOption = typeof productOptions.$inferInsert;
export type ProductOptionValue = typeof productOptionValues.$inferSelect;
export type NewProductOptionValue = typeof productOptionValues.$inferInsert;
export type Variant = typeof variants.$inferSelect;
export type NewVariant = typeof variants.$inferInsert;
export type VariantOptionValue = typeof variantOptionValues.$inferSelect;
export type ProductImage = typeof productImages.$inferSelect;
export type NewProductImage = typeof productImages.$inferInsert;

/**
 * The merchant's synonym groups for search: any term of a group finds what the others find ("sneakers", "trainers").
 * A term is one to three words; search reads them through the English stemmer, so plurals need no entry of their own.
 */
export const searchSynonyms = pgTable(
  'search_synonyms',
  {
    id: id(),
    terms: text().array().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('search_synonyms_created_at_idx').on(t.createdAt),
    check('search_synonyms_terms_check', sql`cardinality(${t.terms}) between 2 and 10`),
  ],
);
export type SearchSynonym = typeof searchSynonyms.$inferSelect;
