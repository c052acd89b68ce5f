// GET /api/admin/v1/customers/{id} — one customer account with its orders.
import { adminApiRoute } from '@/lib/api/admin/route';
import { idParamsSchema } from '@/lib/api/admin/schemas';
import { getAdminCustomerOrThrow } from '@/lib/customers/api';

export const GET = adminApiRoute('customers:read', { params: idParamsSchema }, async ({ params }) => ({
  status: 200,
  body: { data: await getAdminCustomerOrThrow(params.id) },
}));
