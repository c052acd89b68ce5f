// POST /api/admin/products/{id}/images — uploads a product image (multipart: file, altText). Staff only.
// A route handler rather than a server action: server action bodies are capped at 1 MB.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { actorOf } from '@/lib/admin/actor';
import { MAX_UPLOAD_BYTES } from '@/lib/catalog/products/image-processing';
import { addProductImage } from '@/lib/catalog/products/images';
import { invalidateProduct } from '@/lib/catalog/cache';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/auth/guards';
import { readUpload } from '@/lib/admin/upload';
import { clientIp } from '@/lib/rate-limit';

const fieldsSchema = z.object({ altText: z.string().trim().max(300, 'At most 300 characters.').default('') });

export const POST = route({ auth: 'staff', params: z.object({ id: z.uuid() }) }, async ({ request, params, user, requestId, log }) => {
  const { file, fields } = await readUpload(request, MAX_UPLOAD_BYTES);
  if (!file) throw new AppError('validation_failed', 'Choose an image file.', { fieldErrors: { file: ['Choose an image file.'] } });
  const { altText } = fieldsSchema.parse(fields);
  const created = await addProductImage(
    actorOf({ user: user!, requestId, ip: clientIp(request.headers) }),
    { productId: params.id, file, altText },
  );
  invalidateProduct(created.slug);
  log.info({ productId: params.id, imageId: created.id }, 'product image added');
  return NextResponse.json({ id: created.id }, { status: 201 });
});
