// POST /api/admin/v1/orders/{number}/fulfillments — ship all remaining units, or chosen quantities, with tracking.
import { adminApiRoute } from '@/lib/api/admin/route';
import { fulfilmentRequestSchema, orderParamsSchema } from '@/lib/api/admin/schemas';
import { getAdminOrderOrThrow } from '@/lib/orders/api';
import { fulfillOrderSchema } from '@/lib/orders/schemas';
import { fulfillOrder } from '@/lib/orders/service';

export const POST = adminApiRoute('orders:write', { params: orderParamsSchema, body: fulfilmentRequestSchema }, async ({ params, body, actor }) => {
  const { number, ...input } = fulfillOrderSchema.parse({ ...body, number: params.number });
  const result = await fulfillOrder(actor, number, input);
  return { status: 201, body: { fulfillmentId: result.fulfillmentId, data: await getAdminOrderOrThrow(number) } };
});
