'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { actorOf } from '@/lib/admin/actor';
import { invalidateProduct } from '@/lib/catalog/cache';
import { staffAction } from '@/lib/auth/guards';
import { reorderImages } from '@/lib/catalog/products/images';

// The product editor's image order (drag and drop, and the move buttons): the whole order at once.

export const reorderImagesAction = staffAction(
  z.object({
    productId: z.uuid(),
    // One id arrives as a string, several as an array (repeated form fields).
    imageIds: z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(z.uuid()).min(1).max(250)),
  }),
  async (input, ctx) => {
    const { slug } = await reorderImages(actorOf(ctx), input.productId, input.imageIds);
    invalidateProduct(slug);
    refresh();
    return null;
  },
  { successMessage: 'Image order saved.' },
);
