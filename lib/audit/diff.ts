import { formatMoney, money } from '@/lib/money';

// Turns an audit entry's before/after snapshots into lines a merchant reads: "Compare-at price (TEE-M): $30.00 →
// $25.00", not JSON. Pure, so the panel and any export read entries the same way.

export type AuditChange = { label: string; from: string | null; to: string | null };

const LABELS: Record<string, string> = {
  title: 'Title',
  slug: 'URL handle',
  status: 'Status',
  vendor: 'Vendor',
  featured: 'Featured',
  currency: 'Currency',
  priceCents: 'Price',
  compareAtPriceCents: 'Compare-at price',
  priceMinCents: 'Lowest price',
  priceMaxCents: 'Highest price',
  active: 'Enabled',
  isActive: 'Enabled',
  paymentStatus: 'Payment',
  refundedCents: 'Refunded',
  amountCents: 'Amount',
  totalCents: 'Total',
  stockOnHand: 'Stock on hand',
  delta: 'Stock change',
  role: 'Role',
  email: 'Email',
  name: 'Name',
  code: 'Code',
  value: 'Value',
  altText: 'Alt text',
  shownFor: 'Shown for',
  position: 'Position',
  trackingNumber: 'Tracking number',
  carrier: 'Carrier',
  reason: 'Reason',
  note: 'Note',
  variants: 'Variants',
  removedVariants: 'Variants removed',
  stockChanges: 'Stock',
};

/** Container keys whose children are keyed by a name (a SKU): the name qualifies the label instead. */
const KEYED_BY_NAME = new Set(['variants']);

function humanise(key: string): string {
  const words = key
    .replace(/Cents$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function labelFor(path: string[]): string {
  const leaf = path[path.length - 1]!;
  const label = LABELS[leaf] ?? humanise(leaf);
  const qualifiers = path.slice(0, -1).filter((segment) => !KEYED_BY_NAME.has(segment));
  return qualifiers.length > 0 ? `${label} (${qualifiers.join(' ')})` : label;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Leaves of a snapshot by path; arrays are leaves (shown whole). */
function flatten(value: Record<string, unknown> | null, prefix: string[] = [], into = new Map<string, { path: string[]; value: unknown }>()) {
  if (!value) return into;
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, key];
    if (isPlainObject(child) && Object.keys(child).length > 0) flatten(child, path, into);
    else into.set(path.join('\u0000'), { path, value: child });
  }
  return into;
}

function show(key: string, value: unknown, currency: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' && key.endsWith('Cents')) {
    try {
      return formatMoney(money(value, currency));
    } catch {
      return String(value);
    }
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return value.length > 160 ? `${value.slice(0, 157)}…` : value.replace(/_/g, ' ');
  if (Array.isArray(value)) return value.length === 0 ? null : value.map((item) => (isPlainObject(item) ? Object.values(item).join(' ') : String(item))).join(', ');
  if (isPlainObject(value)) return Object.keys(value).length === 0 ? null : Object.entries(value).map(([k, v]) => `${humanise(k)}: ${String(v)}`).join(', ');
  return String(value);
}

type FromTo = { sku?: unknown; from: unknown; to: unknown };
function isFromToList(value: unknown): value is FromTo[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => isPlainObject(item) && 'from' in item && 'to' in item);
}

/**
 * The changes an entry records, one line per field. With both snapshots only the fields that differ; a creation lists
 * what was set, a deletion what was removed. Amounts (keys ending in Cents) are money in the entry's currency, else
 * the store's.
 */
export function describeAuditChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null, storeCurrency: string): AuditChange[] {
  const currency = String(after?.currency ?? before?.currency ?? storeCurrency);
  const from = flatten(before);
  const to = flatten(after);
  const changes: AuditChange[] = [];
  for (const key of new Set([...from.keys(), ...to.keys()])) {
    const path = (to.get(key) ?? from.get(key))!.path;
    const leaf = path[path.length - 1]!;
    if (leaf === 'currency' && before && after) continue;
    const beforeValue = from.get(key)?.value;
    const afterValue = to.get(key)?.value;
    // A list of from → to pairs (stock set in the product editor) reads as one line per item.
    if (isFromToList(afterValue)) {
      for (const item of afterValue) {
        const label = item.sku ? `${labelFor(path)} (${String(item.sku)})` : labelFor(path);
        changes.push({ label, from: show(leaf, item.from, currency), to: show(leaf, item.to, currency) });
      }
      continue;
    }
    if (before && after && JSON.stringify(beforeValue) === JSON.stringify(afterValue)) continue;
    const shownFrom = before ? show(leaf, beforeValue, currency) : null;
    const shownTo = after ? show(leaf, afterValue, currency) : null;
    if (shownFrom === null && shownTo === null) continue;
    changes.push({ label: labelFor(path), from: shownFrom, to: shownTo });
  }
  return changes;
}

/** "product.update" → "Product update"; "order.mark_paid" → "Order mark paid". */
export function describeAuditAction(action: string): string {
  const words = action.replace(/[._]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ENTITY_LABELS: Record<string, string> = {
  product: 'Product',
  variant: 'Variant',
  order: 'Order',
  user: 'Person',
  discount: 'Discount',
  category: 'Category',
  shipping_zone: 'Shipping zone',
  shipping_rate: 'Shipping rate',
  tax_rate: 'Tax rate',
  store_settings: 'Store settings',
  store_image: 'Store image',
  home_page: 'Home page',
  content_page: 'Page',
  menu_item: 'Menu item',
  api_key: 'API key',
  webhook_endpoint: 'Webhook',
  search_synonyms: 'Search synonyms',
  import: 'Import',
};

export function describeEntityType(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? humanise(entityType);
}
