import 'server-only';
import { asc, ilike, or, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { products } from '@/db/schema';

// The admin command palette's product lookup: by title, or by any of its variants' SKUs. The outer row is named by
// hand in the subqueries (drizzle may write a bare "id" there, which would resolve to the variant's own id).

export type ProductLookup = { id: string; title: string; status: string; sku: string | null };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function lookupProducts(q: string, limit: number, executor: Executor = db): Promise<ProductLookup[]> {
  const text = q.trim();
  if (text.length < 2) return [];
  const pattern = `%${escapeLike(text)}%`;
  return executor
    .select({
      id: products.id,
      title: products.title,
      status: products.status,
      // The SKU that matched, when the title did not: so "TEE-RED-M" shows which variant it found.
      sku: sql<string | null>`(select v.sku from variants v where v.product_id = "products"."id" and v.sku ilike ${pattern} order by v.position limit 1)`,
    })
    .from(products)
    .where(or(ilike(products.title, pattern), sql`exists (select 1 from variants v where v.product_id = "products"."id" and v.sku ilike ${pattern})`))
    .orderBy(asc(products.title))
    .limit(limit);
}
