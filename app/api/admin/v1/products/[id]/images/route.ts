// POST /api/admin/v1/products/{id}/images — add an image the store fetches from a public URL: checked, re-encoded,
// stored and attached exactly as an image uploaded in the panel; answers the image as the product read shows it.
import { adminApiRoute } from '@/lib/api/admin/route';
import { idParamsSchema, productImageFromUrlSchema } from '@/lib/api/admin/schemas';
import { invalidateProduct } from '@/lib/catalog/cache';
import { getAdminProductOrThrow } from '@/lib/catalog/products/api';
import { addProductImageFromUrl } from '@/lib/catalog/products/images';
import { AppError } from '@/lib/errors';

export const POST = adminApiRoute('products:write', { params: idParamsSchema, body: productImageFromUrlSchema }, async ({ params, body, actor, log }) => {
  const created = await addProductImageFromUrl(actor, { productId: params.id, url: body.url, altText: body.alt ?? '', position: body.position });
  invalidateProduct(created.slug);
  log.info({ productId: params.id, imageId: created.id }, 'product image added from a URL');
  const image = (await getAdminProductOrThrow(params.id)).images.find((candidate) => candidate.id === created.id);
  // Deleted again between the write and this read: as for any product that is gone.
  if (!image) throw new AppError('not_found', 'That image no longer exists.');
  return { status: 201, body: { data: image } };
});
