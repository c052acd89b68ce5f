// POST /api/admin/v1/orders/{number}/cancel — cancel an order: stock returns, the discount use is released.
import { adminApiRoute } from '@/lib/api/admin/route';
import { cancelRequestSchema, orderParamsSchema } from '@/lib/api/admin/schemas';
import { invalidateProductPages } from '@/lib/catalog/cache';
import { getAdminOrderOrThrow } from '@/lib/orders/api';
import { cancelOrderSchema } from '@/lib/orders/schemas';
import { cancelOrder } from '@/lib/orders/service';

export const POST = adminApiRoute('orders:write', { params: orderParamsSchema, body: cancelRequestSchema }, async ({ params, body, actor }) => {
  const { number, reason } = cancelOrderSchema.parse({ number: params.number, reason: body.reason });
  const result = await cancelOrder(actor, number, reason);
  invalidateProductPages(result.productSlugs);
  return { status: 200, body: { data: await getAdminOrderOrThrow(number) } };
});
