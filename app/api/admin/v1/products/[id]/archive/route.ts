// POST /api/admin/v1/products/{id}/archive — take a product off sale (kept for order history; stock untouched).
import { adminApiRoute } from '@/lib/api/admin/route';
import { idParamsSchema } from '@/lib/api/admin/schemas';
import { invalidateProduct } from '@/lib/catalog/cache';
import { getAdminProductOrThrow, productInputFrom } from '@/lib/catalog/products/api';
import { saveProduct } from '@/lib/catalog/products/service';

export const POST = adminApiRoute('products:write', { params: idParamsSchema }, async ({ params, actor }) => {
  const product = await getAdminProductOrThrow(params.id);
  if (product.status !== 'archived') {
    const saved = await saveProduct(actor, { ...productInputFrom(product), status: 'archived' });
    invalidateProduct(saved.slug);
  }
  return { status: 200, body: { data: await getAdminProductOrThrow(params.id) } };
});
