// POST /api/admin/v1/inventory/{variantId}/adjustments — change stock with a reason (ledger and audit; never below 0).
import { adminApiRoute } from '@/lib/api/admin/route';
import { stockAdjustmentSchema, variantParamsSchema } from '@/lib/api/admin/schemas';
import { invalidateProductPages } from '@/lib/catalog/cache';
import { getInventoryLevelOrThrow } from '@/lib/inventory/api';
import { adjustStockSchema } from '@/lib/inventory/schemas';
import { adjustStock } from '@/lib/inventory/service';

export const POST = adminApiRoute('inventory:write', { params: variantParamsSchema, body: stockAdjustmentSchema }, async ({ params, body, actor }) => {
  // The panel's own rules (a received delivery adds, damage removes …) on the same input.
  const input = adjustStockSchema.parse({ ...body, variantId: params.variantId });
  const { slug } = await adjustStock(actor, input);
  invalidateProductPages([slug]);
  return { status: 201, body: { data: await getInventoryLevelOrThrow(params.variantId) } };
});
