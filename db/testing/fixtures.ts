import { randomBytes } from 'node:crypto';
import { db, type Executor } from '@/db/client';
import { products, variants } from '@/db/schema';

// Test data made per test, so integration files sharing one seeded database never step on each other.

export async function createTestVariant(
  options: { stock?: number; priceCents?: number; status?: 'active' | 'draft' | 'archived'; currency?: string; isActive?: boolean } = {},
  executor: Executor = db,
) {
  const suffix = randomBytes(5).toString('hex');
  const priceCents = options.priceCents ?? 2500;
  const [product] = await executor
    .insert(products)
    .values({
      slug: `test-product-${suffix}`,
      title: `Test product ${suffix}`,
      status: options.status ?? 'active',
      priceMinCents: priceCents,
      priceMaxCents: priceCents,
      publishedAt: new Date(),
    })
    .returning({ id: products.id, slug: products.slug, title: products.title });
  const [variant] = await executor
    .insert(variants)
    .values({
      productId: product!.id,
      sku: `TEST-${suffix}`,
      title: 'Default',
      priceCents,
      currency: options.currency ?? 'USD',
      stockOnHand: options.stock ?? 20,
      isActive: options.isActive ?? true,
    })
    .returning({ id: variants.id, sku: variants.sku, priceCents: variants.priceCents });
  return { product: product!, variant: variant! };
}
