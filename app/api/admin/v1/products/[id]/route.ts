// GET /api/admin/v1/products/{id} — one product with its variants, prices and stock.
// PUT /api/admin/v1/products/{id} — replace a product as the editor saves it (variants without an id are created,
// variants left out are removed or archived by the same rules as the editor).
import { adminApiRoute } from '@/lib/api/admin/route';
import { idParamsSchema } from '@/lib/api/admin/schemas';
import { invalidateProduct } from '@/lib/catalog/cache';
import { getAdminProductOrThrow } from '@/lib/catalog/products/api';
import { productInputSchema } from '@/lib/catalog/products/schemas';
import { saveProduct } from '@/lib/catalog/products/service';

export const GET = adminApiRoute('products:read', { params: idParamsSchema }, async ({ params }) => ({
  status: 200,
  body: { data: await getAdminProductOrThrow(params.id) },
}));

export const PUT = adminApiRoute('products:write', { params: idParamsSchema, body: productInputSchema, maxBodyBytes: 512 * 1024 }, async ({ params, body, actor }) => {
  await getAdminProductOrThrow(params.id);
  const saved = await saveProduct(actor, { ...body, id: params.id });
  invalidateProduct(saved.slug);
  if (saved.previousSlug) invalidateProduct(saved.previousSlug);
  return { status: 200, body: { data: await getAdminProductOrThrow(saved.id) } };
});
