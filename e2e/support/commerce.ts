import type { APIRequestContext } from '@playwright/test';
import postgres from 'postgres';

// Helpers for the shopping journeys: find purchasable products through the public Store API (as any client would),
// and read stored emails from the e2e database when it is PostgreSQL (PGlite belongs to the server process).

export type BuyableVariant = { slug: string; title: string; options: Record<string, string>; priceCents: number; maxQuantity: number };

type ProductItem = { slug: string };
type ProductDetail = { slug: string; title: string; variants: { options: Record<string, string>; priceCents: number; maxQuantity: number; inStock: boolean }[] };

/** The `index`-th in-stock product (so parallel specs buy different things) and a variant with room for `quantity`. */
export async function findBuyableVariant(request: APIRequestContext, index: number, quantity = 3): Promise<BuyableVariant> {
  const list = await request.get('/api/store/v1/products?in_stock=true&per_page=48');
  if (!list.ok()) throw new Error(`product list failed: ${list.status()}`);
  const items = ((await list.json()) as { data: ProductItem[] }).data;
  let seen = 0;
  for (const item of items) {
    const response = await request.get(`/api/store/v1/products/${item.slug}`);
    const product = ((await response.json()) as { data: ProductDetail }).data;
    const variant = product.variants.find((v) => v.inStock && v.maxQuantity >= quantity && Object.keys(v.options).length > 0);
    if (!variant) continue;
    if (seen === index) return { slug: product.slug, title: product.title, options: variant.options, priceCents: variant.priceCents, maxQuantity: variant.maxQuantity };
    seen += 1;
  }
  throw new Error('no buyable product found');
}

export function e2eDatabaseUrl(): string | undefined {
  return process.env.E2E_DATABASE_URL;
}

/** The newest stored email of a template to an address (PostgreSQL e2e runs only). */
export async function latestEmail(to: string, template: string): Promise<{ subject: string; textBody: string; status: string } | null> {
  const url = e2eDatabaseUrl();
  if (!url) throw new Error('E2E_DATABASE_URL is not set');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ subject: string; text_body: string; status: string }[]>`
      select subject, text_body, status from email_messages where to_address = ${to} and template = ${template}
      order by created_at desc limit 1`;
    const row = rows[0];
    return row ? { subject: row.subject, textBody: row.text_body, status: row.status } : null;
  } finally {
    await sql.end();
  }
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@e2e.test`;
}
