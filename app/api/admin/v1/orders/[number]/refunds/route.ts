// POST /api/admin/v1/orders/{number}/refunds — refund part or all of what was captured.
import { adminApiRoute } from '@/lib/api/admin/route';
import { orderParamsSchema, refundRequestSchema } from '@/lib/api/admin/schemas';
import { getAdminOrderOrThrow } from '@/lib/orders/api';
import { refundOrderSchema } from '@/lib/orders/schemas';
import { refundOrder } from '@/lib/orders/service';

export const POST = adminApiRoute('orders:write', { params: orderParamsSchema, body: refundRequestSchema }, async ({ params, body, actor }) => {
  const { number, ...input } = refundOrderSchema.parse({ ...body, number: params.number });
  const result = await refundOrder(actor, number, input);
  return { status: 201, body: { refundId: result.refundId, data: await getAdminOrderOrThrow(number) } };
});
