// GET /api/admin/v1/orders/{number} — one order as staff see it, with the moves it allows now.
import { adminApiRoute } from '@/lib/api/admin/route';
import { orderParamsSchema } from '@/lib/api/admin/schemas';
import { getAdminOrderOrThrow } from '@/lib/orders/api';

export const GET = adminApiRoute('orders:read', { params: orderParamsSchema }, async ({ params }) => ({
  status: 200,
  body: { data: await getAdminOrderOrThrow(params.number) },
}));
