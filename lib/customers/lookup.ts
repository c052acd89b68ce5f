import 'server-only';
import { and, asc, eq, ilike, or } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { users } from '@/db/schema';

// The admin command palette's customer lookup: by email or name (customers only; staff accounts are not listed).

export type CustomerLookup = { id: string; email: string; name: string };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function lookupCustomers(q: string, limit: number, executor: Executor = db): Promise<CustomerLookup[]> {
  const text = q.trim();
  if (text.length < 2) return [];
  const pattern = `%${escapeLike(text)}%`;
  return executor
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.role, 'customer'), or(ilike(users.email, pattern), ilike(users.name, pattern))))
    .orderBy(asc(users.email))
    .limit(limit);
}
