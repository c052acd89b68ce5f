// POST /api/admin/v1/orders/{number}/mark-paid — a manual payment (bank transfer, cash) arrived.
import { adminApiRoute } from '@/lib/api/admin/route';
import { orderParamsSchema } from '@/lib/api/admin/schemas';
import { getAdminOrderOrThrow } from '@/lib/orders/api';
import { orderRefSchema } from '@/lib/orders/schemas';
import { markOrderPaid } from '@/lib/orders/service';

export const POST = adminApiRoute('orders:write', { params: orderParamsSchema }, async ({ params, actor }) => {
  const { number } = orderRefSchema.parse(params);
  await markOrderPaid(actor, number);
  return { status: 200, body: { data: await getAdminOrderOrThrow(number) } };
});
