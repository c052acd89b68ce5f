import 'server-only';
import { desc, ilike } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { orders } from '@/db/schema';

// The admin command palette's order lookup: by number, as staff type it ("7K3F", "sf-7k3f9qx2").

export type OrderLookup = { number: string; email: string; placedAt: string };

export async function lookupOrders(q: string, limit: number, executor: Executor = db): Promise<OrderLookup[]> {
  const text = q.trim().toUpperCase().replace(/[^0-9A-Z-]/g, '');
  if (text.length < 2) return [];
  const rows = await executor
    .select({ number: orders.number, email: orders.email, placedAt: orders.placedAt })
    .from(orders)
    .where(ilike(orders.number, `%${text}%`))
    .orderBy(desc(orders.placedAt))
    .limit(limit);
  return rows.map((row) => ({ ...row, placedAt: row.placedAt.toISOString() }));
}
