// GET /api/admin/v1/inventory — stock levels per variant in SKU order (filter by SKU or low stock), a cursor page at a time.
import { adminApiRoute } from '@/lib/api/admin/route';
import { inventoryLevelQuerySchema, listInventoryLevels } from '@/lib/inventory/api';

export const GET = adminApiRoute('inventory:read', { query: inventoryLevelQuerySchema }, async ({ query }) => ({
  status: 200,
  body: await listInventoryLevels(query),
}));
