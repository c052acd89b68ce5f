// GET /api/admin/v1/products — products, newest first, a cursor page at a time.
// POST /api/admin/v1/products — create a product with its variants (the editor's validations, audit and stock ledger).
import { adminApiRoute } from '@/lib/api/admin/route';
import { productListQuerySchema } from '@/lib/api/admin/schemas';
import { getAdminProductOrThrow, listAdminProductsPage } from '@/lib/catalog/products/api';
import { productInputSchema } from '@/lib/catalog/products/schemas';
import { saveProduct } from '@/lib/catalog/products/service';
import { invalidateProduct } from '@/lib/catalog/cache';

export const GET = adminApiRoute('products:read', { query: productListQuerySchema }, async ({ query }) => ({
  status: 200,
  body: await listAdminProductsPage(query),
}));

export const POST = adminApiRoute('products:write', { body: productInputSchema, maxBodyBytes: 512 * 1024 }, async ({ body, actor }) => {
  const saved = await saveProduct(actor, { ...body, id: undefined });
  invalidateProduct(saved.slug);
  return { status: 201, body: { data: await getAdminProductOrThrow(saved.id) } };
});
