'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { actorOf } from '@/lib/admin/actor';
import { invalidateProduct } from '@/lib/catalog/cache';
import { staffAction } from '@/lib/auth/guards';
import { deleteImage, moveImage, setImageVariants, updateImageAlt } from '@/lib/catalog/products/images';
import { bulkProductIdsSchema, imageVariantIdsSchema, productFormSchema } from '@/lib/catalog/products/schemas';
import { saveProduct, setProductsStatus } from '@/lib/catalog/products/service';
import { bulkAdjustStockSchema } from '@/lib/inventory/schemas';
import { adjustProductsStock } from '@/lib/inventory/service';

export const saveProductAction = staffAction(productFormSchema, async (input, ctx) => {
  const saved = await saveProduct(actorOf(ctx), input);
  invalidateProduct(saved.slug);
  if (saved.previousSlug) invalidateProduct(saved.previousSlug);
  ctx.log.info({ productId: saved.id, created: saved.created }, 'product saved');
  if (saved.created) redirect(`/admin/products/${saved.id}?created=1`);
  refresh();
  return { id: saved.id, slug: saved.slug };
}, { successMessage: 'Product saved.' });

const imageId = z.object({ imageId: z.uuid() });

export const updateImageAltAction = staffAction(
  imageId.extend({ altText: z.string().trim().max(300, 'At most 300 characters.') }),
  async (input, ctx) => {
    const { slug } = await updateImageAlt(actorOf(ctx), input.imageId, input.altText);
    invalidateProduct(slug);
    refresh();
    return null;
  },
  { successMessage: 'Alt text saved.' },
);

export const setImageVariantsAction = staffAction(
  // No box ticked: every variant.
  imageId.extend({ variantIds: imageVariantIdsSchema }),
  async (input, ctx) => {
    const { slug } = await setImageVariants(actorOf(ctx), input.imageId, input.variantIds);
    invalidateProduct(slug);
    refresh();
    return null;
  },
  { successMessage: 'Variants saved.' },
);

export const moveImageAction = staffAction(imageId.extend({ direction: z.enum(['up', 'down']) }), async (input, ctx) => {
  const { slug } = await moveImage(actorOf(ctx), input.imageId, input.direction);
  invalidateProduct(slug);
  refresh();
  return null;
}, { successMessage: 'Moved.' });

export const deleteImageAction = staffAction(imageId, async (input, ctx) => {
  const { slug } = await deleteImage(actorOf(ctx), input.imageId);
  invalidateProduct(slug);
  refresh();
  return null;
}, { successMessage: 'Deleted.' });

export const archiveProductsAction = staffAction(
  bulkProductIdsSchema,
  async (input, ctx) => {
    const archived = await setProductsStatus(actorOf(ctx), input.ids, 'archived');
    for (const product of archived) invalidateProduct(product.slug);
    ctx.log.info({ count: archived.length }, 'products archived');
    refresh();
    return { changed: archived.length };
  },
  { successMessage: ({ changed }) => (changed === 1 ? '1 product archived.' : `${changed} products archived.`) },
);

export const publishProductsAction = staffAction(
  bulkProductIdsSchema,
  async (input, ctx) => {
    const published = await setProductsStatus(actorOf(ctx), input.ids, 'active');
    for (const product of published) invalidateProduct(product.slug);
    ctx.log.info({ count: published.length }, 'products published');
    refresh();
    return { changed: published.length };
  },
  { successMessage: ({ changed }) => (changed === 1 ? '1 product published.' : `${changed} products published.`) },
);

export const adjustProductsStockAction = staffAction(
  bulkAdjustStockSchema,
  async (input, ctx) => {
    const result = await adjustProductsStock(actorOf(ctx), input);
    for (const product of result.products) invalidateProduct(product.slug);
    ctx.log.info({ products: result.products.length, variants: result.variants, delta: input.delta }, 'bulk stock adjustment');
    refresh();
    return { products: result.products.length, variants: result.variants, delta: input.delta };
  },
  {
    successMessage: ({ products, variants, delta }) =>
      `Stock ${delta > 0 ? `+${delta}` : delta} on ${variants} variant${variants === 1 ? '' : 's'} of ${products} product${products === 1 ? '' : 's'}.`,
  },
);
