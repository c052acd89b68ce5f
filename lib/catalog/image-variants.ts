import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { productImageVariants, productImages } from '@/db/schema';

/**
 * The variants each of a product's images is shown for, in one read: the storefront gallery and the editor both need
 * them. An image shown for every variant has no entry.
 */
export async function getImageVariantIds(productId: string, executor: Executor = db): Promise<Map<string, string[]>> {
  const rows = await executor
    .select({ imageId: productImageVariants.imageId, variantId: productImageVariants.variantId })
    .from(productImageVariants)
    .innerJoin(productImages, eq(productImages.id, productImageVariants.imageId))
    .where(eq(productImages.productId, productId))
    .orderBy(asc(productImageVariants.imageId), asc(productImageVariants.variantId));
  const byImage = new Map<string, string[]>();
  for (const row of rows) byImage.set(row.imageId, [...(byImage.get(row.imageId) ?? []), row.variantId]);
  return byImage;
}
