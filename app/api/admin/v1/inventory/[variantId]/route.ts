// GET /api/admin/v1/inventory/{variantId} — one variant's stock level.
import { adminApiRoute } from '@/lib/api/admin/route';
import { variantParamsSchema } from '@/lib/api/admin/schemas';
import { getInventoryLevelOrThrow } from '@/lib/inventory/api';

export const GET = adminApiRoute('inventory:read', { params: variantParamsSchema }, async ({ params }) => ({
  status: 200,
  body: { data: await getInventoryLevelOrThrow(params.variantId) },
}));
