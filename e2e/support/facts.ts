import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { categories, products } from '../../db/schema';
import type { E2EFacts } from './environment';

/** Reads, straight from the database, what the specs expect the storefront to show. */
export async function readE2EFacts(db: Database): Promise<E2EFacts> {
  const active = await db.$count(products, eq(products.status, 'active'));
  const tops = await db
    .select({ name: categories.name })
    .from(categories)
    .where(isNull(categories.parentId))
    .orderBy(asc(categories.position), asc(categories.name));
  const featured = await db
    .select({ title: products.title })
    .from(products)
    .where(and(eq(products.status, 'active'), eq(products.featured, true)))
    .orderBy(desc(products.salesCount), asc(products.id))
    .limit(8);
  return {
    activeProductCount: active,
    topCategoryNames: tops.map((row) => row.name),
    featuredProductTitles: featured.map((row) => row.title),
  };
}
