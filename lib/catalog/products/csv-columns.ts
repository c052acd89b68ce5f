// The product CSV format, for both import and export: one row per variant, grouped into products by `handle`.

export const PRODUCT_COLUMNS = [
  'handle',
  'title',
  'description',
  'status',
  'vendor',
  'featured',
  'categories',
  'seo_title',
  'seo_description',
  'option1_name',
  'option1_value',
  'option2_name',
  'option2_value',
  'option3_name',
  'option3_value',
  'sku',
  'price',
  'compare_at_price',
  'stock',
  'active',
] as const;

export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly ProductColumn[] = ['handle', 'title', 'sku', 'price'];

/** Shown on the import page. */
export const COLUMN_HELP: Record<ProductColumn, string> = {
  handle: 'The product’s slug; rows with the same handle are one product’s variants. An existing handle updates that product.',
  title: 'Product title (first row of the product; later rows may leave product columns empty).',
  description: 'Plain text.',
  status: 'draft, active or archived (default draft).',
  vendor: 'Optional.',
  featured: 'true or false (default false).',
  categories: 'Category slugs separated by |, e.g. apparel|t-shirts.',
  seo_title: 'Optional.',
  seo_description: 'Optional.',
  option1_name: 'E.g. Size; up to three options, named on the product’s first row.',
  option1_value: 'This variant’s value, e.g. M.',
  option2_name: '',
  option2_value: '',
  option3_name: '',
  option3_value: '',
  sku: 'Unique across the store; an existing SKU of this product updates that variant.',
  price: 'Decimal, e.g. 19.99.',
  compare_at_price: 'Optional; higher than price.',
  stock: 'Units on hand; empty keeps an existing variant’s stock (0 for a new one). Changes go through the inventory ledger.',
  active: 'true or false (default true).',
};

/** The import template: the header row the importer reads, every column in the export's order, and nothing else. */
export function productCsvTemplate(): string {
  return `${PRODUCT_COLUMNS.join(',')}\r\n`;
}
