// GET /api/admin/v1/orders — orders, newest first, filtered by status, payment status, email or placement time.
import { adminApiRoute } from '@/lib/api/admin/route';
import { adminOrderFilterSchema, listAdminOrdersPage } from '@/lib/orders/api';
import { cursorQuerySchema } from '@/lib/pagination';

export const GET = adminApiRoute('orders:read', { query: cursorQuerySchema.extend(adminOrderFilterSchema.shape) }, async ({ query }) => ({
  status: 200,
  body: await listAdminOrdersPage(query),
}));
