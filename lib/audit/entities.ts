import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { apiKeys, categories, contentPages, discountCodes, orders, products, shippingRates, shippingZones, taxRates, users, variants, webhookEndpoints } from '@/db/schema';
import { describeEntityType } from './diff';

// What an audit entry is about, in the merchant's words: the order's number, the product's title, the customer's
// email — and where it lives in the panel. A read-only lookup of display names across the store's tables (one query
// per entity type on the page), so the log itself keeps only stable ids.

export type AuditEntityView = { typeLabel: string; name: string | null; href: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Panel pages for entity types that have no page of their own per entity. */
const SECTION_HREF: Record<string, string> = {
  category: '/admin/categories',
  shipping_zone: '/admin/settings',
  shipping_rate: '/admin/settings',
  tax_rate: '/admin/settings',
  store_settings: '/admin/settings',
  store_image: '/admin/settings',
  home_page: '/admin/home',
  menu_item: '/admin/menus',
  api_key: '/admin/api-keys',
  search_synonyms: '/admin/search',
  import: '/admin/import-export',
  gift_card: '/admin/gift-cards',
  promotion: '/admin/promotions',
  customer_group: '/admin/customer-groups',
};

type Named = { id: string; name: string | null; href: string | null };

async function lookUp(entityType: string, ids: string[], executor: Executor): Promise<Named[]> {
  switch (entityType) {
    case 'product':
      return (await executor.select({ id: products.id, name: products.title }).from(products).where(inArray(products.id, ids))).map((row) => ({ ...row, href: `/admin/products/${row.id}` }));
    case 'variant': {
      const rows = await executor
        .select({ id: variants.id, sku: variants.sku, variantTitle: variants.title, productId: products.id, productTitle: products.title })
        .from(variants)
        .innerJoin(products, eq(products.id, variants.productId))
        .where(inArray(variants.id, ids));
      return rows.map((row) => ({ id: row.id, name: `${row.productTitle} — ${row.variantTitle || row.sku}`, href: `/admin/products/${row.productId}` }));
    }
    case 'order':
      return (await executor.select({ id: orders.id, name: orders.number }).from(orders).where(inArray(orders.id, ids))).map((row) => ({ ...row, href: `/admin/orders/${row.name}` }));
    case 'user':
      return (await executor.select({ id: users.id, name: users.email, role: users.role }).from(users).where(inArray(users.id, ids))).map((row) => ({
        id: row.id,
        name: row.name,
        href: row.role === 'customer' ? `/admin/customers/${row.id}` : '/admin/staff',
      }));
    case 'discount':
      return (await executor.select({ id: discountCodes.id, name: discountCodes.code }).from(discountCodes).where(inArray(discountCodes.id, ids))).map((row) => ({ ...row, href: `/admin/discounts/${row.id}` }));
    case 'category':
      return (await executor.select({ id: categories.id, name: categories.name }).from(categories).where(inArray(categories.id, ids))).map((row) => ({ ...row, href: SECTION_HREF.category! }));
    case 'shipping_zone':
      return (await executor.select({ id: shippingZones.id, name: shippingZones.name }).from(shippingZones).where(inArray(shippingZones.id, ids))).map((row) => ({ ...row, href: SECTION_HREF.shipping_zone! }));
    case 'shipping_rate':
      return (await executor.select({ id: shippingRates.id, name: shippingRates.name }).from(shippingRates).where(inArray(shippingRates.id, ids))).map((row) => ({ ...row, href: SECTION_HREF.shipping_rate! }));
    case 'tax_rate':
      return (await executor.select({ id: taxRates.id, name: taxRates.name }).from(taxRates).where(inArray(taxRates.id, ids))).map((row) => ({ ...row, href: SECTION_HREF.tax_rate! }));
    case 'content_page':
      return (await executor.select({ id: contentPages.id, name: contentPages.title }).from(contentPages).where(inArray(contentPages.id, ids))).map((row) => ({ ...row, href: `/admin/pages/${row.id}` }));
    case 'api_key':
      return (await executor.select({ id: apiKeys.id, name: apiKeys.name }).from(apiKeys).where(inArray(apiKeys.id, ids))).map((row) => ({ ...row, href: SECTION_HREF.api_key! }));
    case 'webhook_endpoint':
      return (await executor.select({ id: webhookEndpoints.id, name: webhookEndpoints.url }).from(webhookEndpoints).where(inArray(webhookEndpoints.id, ids))).map((row) => ({ ...row, href: `/admin/webhooks/${row.id}` }));
    default:
      return [];
  }
}

/** Names and links for the entities of a page of entries, keyed `${entityType}:${entityId}`. */
export async function describeAuditEntities(entries: readonly { entityType: string; entityId: string | null }[], executor: Executor = db): Promise<Map<string, AuditEntityView>> {
  const idsByType = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (!entry.entityId || !UUID.test(entry.entityId)) continue;
    const ids = idsByType.get(entry.entityType) ?? new Set<string>();
    ids.add(entry.entityId);
    idsByType.set(entry.entityType, ids);
  }
  const found = await Promise.all([...idsByType].map(async ([entityType, ids]) => [entityType, await lookUp(entityType, [...ids], executor)] as const));
  const named = new Map<string, Named>();
  for (const [entityType, rows] of found) for (const row of rows) named.set(`${entityType}:${row.id}`, row);

  const views = new Map<string, AuditEntityView>();
  for (const entry of entries) {
    const key = `${entry.entityType}:${entry.entityId}`;
    const hit = named.get(key);
    views.set(key, {
      typeLabel: describeEntityType(entry.entityType),
      // An entity deleted since keeps its id in the log; it has no page to link to any more.
      name: hit?.name ?? null,
      href: hit?.href ?? (entry.entityId && UUID.test(entry.entityId) ? null : (SECTION_HREF[entry.entityType] ?? null)),
    });
  }
  return views;
}
