import { NextResponse } from 'next/server';
import { z } from 'zod';
import { route } from '@/lib/auth/guards';
import { listOrdersForUserPage } from '@/lib/orders/queries';

const CUSTOMER_ORDERS_PER_PAGE_MAX = 50;

const query = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(CUSTOMER_ORDERS_PER_PAGE_MAX).default(20),
});

// GET /api/store/v1/customers/me/orders — the signed-in customer's orders, newest first, a page at a time.
export const GET = route({ auth: 'customer', query }, async ({ user, query }) => {
  const { rows, total } = await listOrdersForUserPage(user!.id, { page: query.page, perPage: query.per_page });
  return NextResponse.json({
    data: rows,
    pagination: { page: query.page, perPage: query.per_page, total, totalPages: Math.max(1, Math.ceil(total / query.per_page)) },
  });
});
