import 'server-only';
import { and, asc, desc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { orderLines, orders, products, storeSettings, users, variants } from '@/db/schema';
import { getStoreInfo } from '@/lib/store/settings';

// The dashboard's figures, straight from the database in integer minor units. What counts (also in docs/commerce.md):
// - Orders: orders placed in the period that are not cancelled.
// - Revenue (net): for orders placed in the period whose payment was captured, total − refunded. A paid order that
//   was later cancelled still counts until it is refunded (the money is still held); unpaid orders never count.
// - Average order value: net revenue ÷ the number of those paid orders, rounded to a whole minor unit.
// - New customers: customer accounts created in the period.
// Periods are the last N×24 hours up to now; the previous period is the N×24 hours before that. Only orders in the
// store currency are summed (amounts in different currencies cannot be added).

export const DASHBOARD_PERIODS = [7, 30, 90] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

export type Figure = { current: number; previous: number; changePercent: number | null };

export type DashboardData = {
  currency: string;
  periodDays: DashboardPeriod;
  from: string;
  to: string;
  revenue: Figure;
  orders: Figure;
  averageOrderValue: Figure;
  newCustomers: Figure;
  /** One point per UTC day of the period, oldest first. */
  series: { date: string; revenueCents: number; orders: number }[];
  topProducts: { title: string; units: number; revenueCents: number }[];
  lowStock: { productTitle: string; variantTitle: string; sku: string; stock: number; slug: string }[];
  lowStockThreshold: number;
  latestOrders: { number: string; email: string; status: string; paymentStatus: string; totalCents: number; currency: string; placedAt: string }[];
};

const DAY_MS = 86_400_000;

function figure(current: number, previous: number): Figure {
  return { current, previous, changePercent: previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10 };
}

async function periodTotals(executor: Executor, currency: string, from: Date, to: Date) {
  const inPeriod = and(gte(orders.placedAt, from), lt(orders.placedAt, to), eq(orders.currency, currency));
  const [row] = await executor
    .select({
      orders: sql<number>`count(*) filter (where ${orders.status} <> 'cancelled')::int`,
      paidOrders: sql<number>`count(*) filter (where ${orders.paymentStatus} <> 'unpaid')::int`,
      revenueCents: sql<number>`coalesce(sum(${orders.totalCents} - ${orders.refundedCents}) filter (where ${orders.paymentStatus} <> 'unpaid'), 0)::bigint`,
    })
    .from(orders)
    .where(inPeriod);
  const customers = await executor.$count(users, and(eq(users.role, 'customer'), gte(users.createdAt, from), lt(users.createdAt, to)));
  const revenueCents = Number(row?.revenueCents ?? 0);
  const paidOrders = Number(row?.paidOrders ?? 0);
  return {
    orders: Number(row?.orders ?? 0),
    revenueCents,
    averageCents: paidOrders === 0 ? 0 : Math.round(revenueCents / paidOrders),
    customers,
  };
}

export async function getDashboard(periodDays: DashboardPeriod, now = new Date(), executor: Executor = db): Promise<DashboardData> {
  const store = await getStoreInfo(executor);
  const currency = store.currency;
  const to = now;
  const from = new Date(to.getTime() - periodDays * DAY_MS);
  const previousFrom = new Date(from.getTime() - periodDays * DAY_MS);
  const [current, previous] = [await periodTotals(executor, currency, from, to), await periodTotals(executor, currency, previousFrom, from)];

  const day = sql<string>`to_char(${orders.placedAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const daily = await executor
    .select({
      date: day,
      orders: sql<number>`count(*) filter (where ${orders.status} <> 'cancelled')::int`,
      revenueCents: sql<number>`coalesce(sum(${orders.totalCents} - ${orders.refundedCents}) filter (where ${orders.paymentStatus} <> 'unpaid'), 0)::bigint`,
    })
    .from(orders)
    .where(and(gte(orders.placedAt, from), lt(orders.placedAt, to), eq(orders.currency, currency)))
    .groupBy(day);
  const byDay = new Map(daily.map((row) => [row.date, row]));
  const series: DashboardData['series'] = [];
  const firstDay = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  for (let t = firstDay; t < to.getTime(); t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    const row = byDay.get(date);
    series.push({ date, revenueCents: Number(row?.revenueCents ?? 0), orders: Number(row?.orders ?? 0) });
  }

  const topProducts = await executor
    .select({
      title: sql<string>`max(${orderLines.productTitle})`,
      units: sql<number>`sum(${orderLines.quantity})::int`,
      revenueCents: sql<number>`sum(${orderLines.totalCents})::bigint`,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(gte(orders.placedAt, from), lt(orders.placedAt, to), eq(orders.currency, currency), ne(orders.status, 'cancelled')))
    .groupBy(sql`coalesce(${orderLines.productId}::text, ${orderLines.productTitle})`)
    .orderBy(desc(sql`sum(${orderLines.quantity})`), asc(sql`max(${orderLines.productTitle})`))
    .limit(5);

  const [settings] = await executor.select({ threshold: storeSettings.lowStockThreshold }).from(storeSettings).where(eq(storeSettings.id, 1));
  const lowStockThreshold = settings?.threshold ?? 5;
  const lowStock = await executor
    .select({ productTitle: products.title, variantTitle: variants.title, sku: variants.sku, stock: variants.stockOnHand, slug: products.slug })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(and(eq(products.status, 'active'), eq(variants.isActive, true), sql`${variants.stockOnHand} <= ${lowStockThreshold}`))
    .orderBy(asc(variants.stockOnHand), asc(products.title), asc(variants.sku))
    .limit(10);

  const latest = await executor
    .select({ number: orders.number, email: orders.email, status: orders.status, paymentStatus: orders.paymentStatus, totalCents: orders.totalCents, currency: orders.currency, placedAt: orders.placedAt })
    .from(orders)
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(8);

  return {
    currency,
    periodDays,
    from: from.toISOString(),
    to: to.toISOString(),
    revenue: figure(current.revenueCents, previous.revenueCents),
    orders: figure(current.orders, previous.orders),
    averageOrderValue: figure(current.averageCents, previous.averageCents),
    newCustomers: figure(current.customers, previous.customers),
    series,
    topProducts: topProducts.map((row) => ({ title: row.title, units: Number(row.units), revenueCents: Number(row.revenueCents) })),
    lowStock,
    lowStockThreshold,
    latestOrders: latest.map((row) => ({ ...row, placedAt: row.placedAt.toISOString() })),
  };
}
