import 'server-only';
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '@/db/client';
import { addresses, orders, users } from '@/db/schema';
import { type Page, pageCountOf } from '@/lib/pagination';
import { isGuestSql } from './guests';

// Staff reads of customers (the admin's list and customer page). Never cached.

export const CUSTOMERS_PER_PAGE = 25;

/** Money a customer has spent in one currency: paid orders, net of refunds. */
export type AmountSpent = { currency: string; amountCents: number };

export type CustomerRow = {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'disabled';
  /** A record kept for a guest buyer's email: no account (yet). */
  guest: boolean;
  createdAt: Date;
  orderCount: number;
  amountSpent: AmountSpent[];
};

export type CustomerDetail = {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'disabled';
  guest: boolean;
  emailVerified: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
  /** Set when the account was erased on request: the row is a tombstone with no personal data. */
  erasedAt: Date | null;
  orderCount: number;
  amountSpent: AmountSpent[];
  orders: { number: string; placedAt: Date; status: string; paymentStatus: string; totalCents: number; currency: string }[];
  addresses: { id: string; name: string; line1: string; line2: string | null; city: string; region: string | null; postalCode: string; countryCode: string }[];
};

// Orders are counted by their customer record (the account, or the guest email's record), so a guest's orders count
// too. The outer row is named by hand: inside a subquery drizzle writes users.id as a bare "id", which Postgres would
// resolve to the order's own id — the "Orders 0" mistake.
const orderCountSql = sql<number>`(select count(*)::int from ${orders} where ${orders.customerId} = "users"."id")`;
const amountSpentSql = sql<AmountSpent[]>`(select coalesce(jsonb_agg(jsonb_build_object('currency', spent.currency, 'amountCents', spent.cents) order by spent.currency), '[]'::jsonb)
  from (select ${orders.currency} as currency, sum(${orders.totalCents} - ${orders.refundedCents})::int as cents from ${orders}
    where ${orders.customerId} = "users"."id" and ${orders.paymentStatus} <> 'unpaid' and ${orders.status} <> 'cancelled'
    group by ${orders.currency}) as spent)`;

function customerOrder(sort: CustomerListQuery['sort'], dir: 'asc' | 'desc'): SQL[] {
  const column = { created: sql`${users.createdAt}`, email: sql`${users.email}`, name: sql`lower(${users.name})`, orders: orderCountSql }[sort];
  return dir === 'asc' ? [sql`${column} asc nulls last`, asc(users.id)] : [sql`${column} desc nulls last`, desc(users.id)];
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export const customerListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  // The column the list is sorted by and which way; without them, newest first.
  sort: z.enum(['created', 'email', 'name', 'orders']).default('created').catch('created'),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

/** Text ascends by default; dates and counts descend. */
export function customerSortDirection(query: Pick<CustomerListQuery, 'sort' | 'dir'>): 'asc' | 'desc' {
  return query.dir ?? (query.sort === 'email' || query.sort === 'name' ? 'asc' : 'desc');
}

export async function listCustomers(
  input: { q?: string; page: number; sort?: CustomerListQuery['sort']; dir?: CustomerListQuery['dir'] },
  executor: Executor = db,
): Promise<Page<CustomerRow>> {
  const q = input.q?.trim();
  const where = and(
    eq(users.role, 'customer'),
    q ? or(ilike(users.email, `%${escapeLike(q)}%`), ilike(users.name, `%${escapeLike(q)}%`)) : undefined,
  );
  const [totalRow] = await executor.select({ n: count() }).from(users).where(where);
  const total = totalRow?.n ?? 0;
  const pageCount = pageCountOf(total, CUSTOMERS_PER_PAGE);
  const page = Math.min(input.page, pageCount);
  const items = await executor
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      status: users.status,
      guest: isGuestSql,
      createdAt: users.createdAt,
      orderCount: orderCountSql,
      amountSpent: amountSpentSql,
    })
    .from(users)
    .where(where)
    .orderBy(...customerOrder(input.sort ?? 'created', customerSortDirection({ sort: input.sort ?? 'created', dir: input.dir })))
    .limit(CUSTOMERS_PER_PAGE)
    .offset((page - 1) * CUSTOMERS_PER_PAGE);
  return { items, page, pageCount, total };
}

export async function getCustomer(id: string, executor: Executor = db): Promise<CustomerDetail | null> {
  const [user] = await executor
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      status: users.status,
      emailVerifiedAt: users.emailVerifiedAt,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
      erasedAt: users.erasedAt,
      guest: isGuestSql,
      orderCount: orderCountSql,
      amountSpent: amountSpentSql,
    })
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, 'customer')));
  if (!user) return null;
  const [orderRows, addressRows] = await Promise.all([
    executor
      .select({
        number: orders.number,
        placedAt: orders.placedAt,
        status: orders.status,
        paymentStatus: orders.paymentStatus,
        totalCents: orders.totalCents,
        currency: orders.currency,
      })
      .from(orders)
      .where(eq(orders.customerId, id))
      .orderBy(desc(orders.placedAt))
      .limit(100),
    executor
      .select({
        id: addresses.id,
        name: addresses.name,
        line1: addresses.line1,
        line2: addresses.line2,
        city: addresses.city,
        region: addresses.region,
        postalCode: addresses.postalCode,
        countryCode: addresses.countryCode,
      })
      .from(addresses)
      .where(eq(addresses.userId, id)),
  ]);
  const { emailVerifiedAt, ...rest } = user;
  return { ...rest, emailVerified: emailVerifiedAt !== null, orders: orderRows, addresses: addressRows };
}
