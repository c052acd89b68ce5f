// PUT /api/admin/v1/discounts/{id} — replace a discount code's settings.
import { adminApiRoute } from '@/lib/api/admin/route';
import { adminDiscount, discountFormFields, discountRequestSchema, idParamsSchema } from '@/lib/api/admin/schemas';
import { discountSchema } from '@/lib/discounts/schemas';
import { getDiscount, saveDiscount } from '@/lib/discounts/service';
import { AppError } from '@/lib/errors';

export const PUT = adminApiRoute('discounts:write', { params: idParamsSchema, body: discountRequestSchema }, async ({ params, body, actor }) => {
  if (!(await getDiscount(params.id))) throw new AppError('not_found', 'No such discount.');
  await saveDiscount(actor, discountSchema.parse(discountFormFields(body, params.id)));
  return { status: 200, body: { data: adminDiscount((await getDiscount(params.id))!) } };
});
