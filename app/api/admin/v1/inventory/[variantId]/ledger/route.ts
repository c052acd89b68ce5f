// GET /api/admin/v1/inventory/{variantId}/ledger — every stock change of a variant, newest first, a cursor page at a time.
import { adminApiRoute } from '@/lib/api/admin/route';
import { variantParamsSchema } from '@/lib/api/admin/schemas';
import { ledgerQuerySchema, listLedger } from '@/lib/inventory/api';

export const GET = adminApiRoute('inventory:read', { params: variantParamsSchema, query: ledgerQuerySchema }, async ({ params, query }) => ({
  status: 200,
  body: await listLedger(params.variantId, query),
}));
