import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { categories, productCategories, products } from '../../db/schema';
import type { E2EFacts } from './environment';

/** Reads, straight from the database, what the specs expect the storefront to show. */
export async function readE2EFacts(db: Database): Promise<E2EFacts> {
  const active = await db.$count(products, eq(products.status, 'active'));
  const tops = await db
    .select({ name: categories.name, path: categories.path })
    .from(categories)
    .where(isNull(categories.parentId))
    .orderBy(asc(categories.position), asc(categories.name));
  // Counted differently from the storefront (per category, by path prefix) so that a wrong query shows.
  const topCategories = [];
  for (const top of tops) {
    const rows = await db
      .selectDistinct({ productId: productCategories.productId })
      .from(productCategories)
      .innerJoin(categories, eq(categories.id, productCategories.categoryId))
      .innerJoin(products, eq(products.id, productCategories.productId))
      .where(and(eq(products.status, 'active'), sql`(${categories.path} = ${top.path} or starts_with(${categories.path}, ${`${top.path}/`}))`));
    topCategories.push({ name: top.name, productCount: rows.length });
  }
  const featured = await db
    .select({ title: products.title })
    .from(products)
    .where(and(eq(products.status, 'active'), eq(products.featured, true)))
    .orderBy(desc(products.salesCount), asc(products.id))
    .limit(8);
  return {
    activeProductCount: active,
    topCategories,
    featuredProductTitles: featured.map((row) => row.title),
  };
}
