// PUT /api/admin/v1/products/{id}/prices — set variants' prices (and compare-at prices); other fields unchanged.
import { adminApiRoute } from '@/lib/api/admin/route';
import { idParamsSchema, productPricesSchema } from '@/lib/api/admin/schemas';
import { invalidateProduct } from '@/lib/catalog/cache';
import { getAdminProductOrThrow, productInputFrom } from '@/lib/catalog/products/api';
import { saveProduct } from '@/lib/catalog/products/service';
import { AppError } from '@/lib/errors';

export const PUT = adminApiRoute('products:write', { params: idParamsSchema, body: productPricesSchema }, async ({ params, body, actor }) => {
  const product = await getAdminProductOrThrow(params.id);
  const input = productInputFrom(product);
  const fieldErrors: Record<string, string[]> = {};
  body.variants.forEach((change, i) => {
    const variant = input.variants.find((v) => v.id === change.id);
    if (!variant) fieldErrors[`variants.${i}.id`] = ['Not a variant of this product.'];
    else Object.assign(variant, { price: change.price, compareAtPrice: change.compareAtPrice ?? '' });
  });
  if (Object.keys(fieldErrors).length > 0) throw new AppError('validation_failed', 'Some variants are not part of this product.', { fieldErrors });
  const saved = await saveProduct(actor, input);
  invalidateProduct(saved.slug);
  return { status: 200, body: { data: await getAdminProductOrThrow(params.id) } };
});
