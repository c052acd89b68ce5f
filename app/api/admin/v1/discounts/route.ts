// GET /api/admin/v1/discounts — discount codes, newest first.
// POST /api/admin/v1/discounts — create a discount code.
import { adminApiRoute } from '@/lib/api/admin/route';
import { adminDiscount, discountFormFields, discountRequestSchema } from '@/lib/api/admin/schemas';
import { discountSchema } from '@/lib/discounts/schemas';
import { getDiscount, listDiscounts, saveDiscount } from '@/lib/discounts/service';

export const GET = adminApiRoute('discounts:read', {}, async () => ({
  status: 200,
  body: { data: (await listDiscounts()).map(adminDiscount), nextCursor: null },
}));

export const POST = adminApiRoute('discounts:write', { body: discountRequestSchema }, async ({ body, actor }) => {
  const id = await saveDiscount(actor, discountSchema.parse(discountFormFields(body)));
  return { status: 201, body: { data: adminDiscount((await getDiscount(id))!) } };
});
