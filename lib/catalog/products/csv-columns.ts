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

/**
 * Explicit prices in the other markets' currencies, two columns per currency after the columns above: `price_eur` and
 * `compare_at_price_eur` set the variant's price in every market selling in EUR (an empty price: derived from the base
 * price by the market's rate and rounding again). A file without them leaves those prices as they are.
 */
export function marketPriceColumns(currencies: readonly string[]): string[] {
  return currencies.flatMap((currency) => [`price_${currency.toLowerCase()}`, `compare_at_price_${currency.toLowerCase()}`]);
}

/** What a market price column sets, or null for any other column. */
export function marketPriceColumn(header: string): { field: 'price' | 'compareAtPrice'; currency: string } | null {
  const match = /^(compare_at_price|price)_([a-z]{3})$/.exec(header);
  return match ? { field: match[1] === 'price' ? 'price' : 'compareAtPrice', currency: match[2]!.toUpperCase() } : null;
}

export const MARKET_PRICE_HELP =
  'price_eur, compare_at_price_eur (one pair per currency another market sells in, e.g. gbp): the variant’s explicit price in those markets; empty: derived from price by the market’s rate and rounding. Leave the columns out to keep the prices set.';

/** The import template: the header row the importer reads, every column in the export's order, and nothing else. */
export function productCsvTemplate(currencies: readonly string[] = []): string {
  return `${[...PRODUCT_COLUMNS, ...marketPriceColumns(currencies)].join(',')}\r\n`;
}
