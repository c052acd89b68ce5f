// POST /api/admin/v1/customers/{id}/disable — disable an account and end its sessions (orders are kept).
import { adminApiRoute } from '@/lib/api/admin/route';
import { idParamsSchema } from '@/lib/api/admin/schemas';
import { getAdminCustomerOrThrow } from '@/lib/customers/api';
import { setCustomerStatus } from '@/lib/customers/service';

export const POST = adminApiRoute('customers:write', { params: idParamsSchema }, async ({ params, actor }) => {
  await setCustomerStatus(actor, params.id, 'disabled');
  return { status: 200, body: { data: await getAdminCustomerOrThrow(params.id) } };
});
