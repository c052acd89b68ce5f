import 'server-only';
import { and, asc, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { db, type Executor, rowsOf } from '@/db/client';
import { orderLines, orders, products, storeSettings, users, variants } from '@/db/schema';
import { getStoreInfo } from '@/lib/store/settings';
import { minorUnitDigits } from '@/lib/money';

// The dashboard's figures, straight from the database in integer minor units. What counts (also in docs/commerce.md),
// following Shopify's sales report:
// - Net sales = gross sales − discounts − returns, for orders placed in the period whose payment was captured.
//   Gross sales: the items at their selling price, before discounts, without tax (tax-inclusive prices have the tax
//   taken out) and without shipping. Returns: refunds, the part of each that falls on the items (a refund is spread
//   over items, shipping and tax in proportion to the order's total); a paid order later cancelled returns all of it.
//   Unpaid orders never count.
// - Orders: orders placed in the period that are not cancelled.
// - Average order value: (gross sales − discounts) ÷ the number of those paid orders, rounded to a whole minor unit.
// - New customers: customer records created in the period (accounts and guest buyers' first orders).
// - Top products: units and sales net of discounts and without tax, from the paid orders, refunds not deducted.
// Periods are the last N×24 hours up to now; the previous period is the N×24 hours before that.
// Currencies: every figure is in the store's base currency. An order in another market's currency is converted at the
// exchange rate stored on it when it was placed (amount ÷ rate, scaled between the currencies' minor-unit digits), so
// a report never moves with today's rates; sums are rounded to whole minor units once, after adding. `byCurrency`
// gives each currency's own net sales beside its converted figure. An order in another currency without a stored
// rate cannot be converted: it is counted in `byCurrency` only.

export const DASHBOARD_PERIODS = [7, 30, 90] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

export type Figure = { current: number; previous: number; changePercent: number | null };

/** Net sales and the parts it is made of, for one period. */
export type SalesBreakdown = { grossSalesCents: number; discountsCents: number; returnsCents: number; netSalesCents: number };

/** One currency's orders and net sales in the period, in that currency and converted to the base currency. */
export type CurrencySales = { currency: string; orders: number; netSalesCents: number; netSalesBaseCents: number | null };

export type DashboardData = {
  /** The store's base currency: every figure but `byCurrency`'s own amounts is in it. */
  currency: string;
  periodDays: DashboardPeriod;
  from: string;
  to: string;
  /** Net sales (Shopify's definition; see above). */
  netSales: Figure;
  sales: SalesBreakdown;
  orders: Figure;
  averageOrderValue: Figure;
  newCustomers: Figure;
  /** One point per UTC day of the period, oldest first. */
  series: { date: string; netSalesCents: number; orders: number }[];
  topProducts: { productId: string | null; title: string; units: number; netSalesCents: number }[];
  lowStock: { productId: string; productTitle: string; variantTitle: string; sku: string; stock: number; slug: string }[];
  lowStockThreshold: number;
  byCurrency: CurrencySales[];
  latestOrders: { number: string; email: string; status: string; paymentStatus: string; totalCents: number; currency: string; placedAt: string }[];
};

const DAY_MS = 86_400_000;

function figure(current: number, previous: number): Figure {
  return { current, previous, changePercent: previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10 };
}

/**
 * How many of the base currency's minor units one minor unit of `currency` is worth at a rate of 1: 10^(base digits −
 * its digits), as an exact decimal ("100" for JPY into USD, "0.1" for KWD into USD).
 */
export function minorUnitScale(currency: string, base: string): string {
  const shift = minorUnitDigits(base) - minorUnitDigits(currency);
  return shift >= 0 ? `1${'0'.repeat(shift)}` : `0.${'0'.repeat(-shift - 1)}1`;
}

/** The ISO currencies whose minor unit is not a hundredth (JPY, KWD, …): the only ones whose scale differs from USD's. */
const UNUSUAL_CURRENCIES = Intl.supportedValuesOf('currency').filter((code) => minorUnitDigits(code) !== 2);

/**
 * Each currency's scale into the base currency, as a VALUES list for the queries: the currencies without two decimals
 * are listed, every other one takes the two-decimal scale (toBaseSql). Known from the code alone, so no statement has to
 * find the currencies orders were placed in first.
 */
function currencyScales(base: string): SQL {
  return sql.join(
    [base, ...UNUSUAL_CURRENCIES].map((currency) => sql`(${currency}::text, ${minorUnitScale(currency, base)}::numeric)`),
    sql`, `,
  );
}

/** An order's factor into the base currency: scale ÷ its stored rate (1 in the base currency); null when unknown. */
function toBaseSql(base: string) {
  return sql`coalesce(sc.scale, ${minorUnitScale('USD', base)}::numeric) / case when o.currency = ${base} then 1 else nullif(o.exchange_rate, 0) end`;
}

/**
 * Per order placed in [from, to), in any currency: whether it counts (paid), and its gross sales, discount and returns
 * as defined above. Column names are written out in full: inside the line-tax subquery a bare name would be the line's.
 */
function orderSales(base: string, scales: SQL, from: Date, to: Date) {
  return sql`
    select o.placed_at, o.status, o.currency,
      ${toBaseSql(base)} as to_base,
      o.payment_status <> 'unpaid' as paid,
      greatest(o.subtotal_cents - case when o.tax_inclusive then lt.line_tax else 0 end, 0) as gross,
      o.discount_cents as discount,
      o.total_cents as total,
      o.refunded_cents as refunded
    from ${orders} o
    cross join lateral (select coalesce(sum(l.tax_cents), 0)::bigint as line_tax from ${orderLines} l where l.order_id = o.id) lt
    left join (values ${scales}) as sc(currency, scale) on sc.currency = o.currency
    where o.placed_at >= ${from.toISOString()} and o.placed_at < ${to.toISOString()}`;
}

/** Returns of one order (see above), in SQL over orderSales' columns. */
const returnsSql = sql.raw(`case
  when s.status = 'cancelled' then greatest(s.gross - s.discount, 0)
  when s.total > 0 then least(greatest(s.gross - s.discount, 0), round(s.refunded::numeric * greatest(s.gross - s.discount, 0) / s.total))
  else 0 end`);

type SalesRow = { orders: number | string; paid_orders: number | string; gross: number | string; discounts: number | string; returns: number | string };

/** Paid orders that can be converted: what the base-currency figures add up. */
const convertible = sql.raw('s.paid and s.to_base is not null');

async function periodTotals(executor: Executor, base: string, scales: SQL, from: Date, to: Date) {
  const [row] = rowsOf<SalesRow>(
    await executor.execute(sql`
      select count(*) filter (where s.status <> 'cancelled') as orders,
        count(*) filter (where ${convertible}) as paid_orders,
        coalesce(round(sum(s.gross * s.to_base) filter (where ${convertible})), 0) as gross,
        coalesce(round(sum(s.discount * s.to_base) filter (where ${convertible})), 0) as discounts,
        coalesce(round(sum(${returnsSql} * s.to_base) filter (where ${convertible})), 0) as returns
      from (${orderSales(base, scales, from, to)}) s`),
  );
  const customers = await executor.$count(users, and(eq(users.role, 'customer'), gte(users.createdAt, from), lt(users.createdAt, to)));
  const grossSalesCents = Number(row?.gross ?? 0);
  const discountsCents = Number(row?.discounts ?? 0);
  const returnsCents = Number(row?.returns ?? 0);
  const paidOrders = Number(row?.paid_orders ?? 0);
  return {
    orders: Number(row?.orders ?? 0),
    sales: { grossSalesCents, discountsCents, returnsCents, netSalesCents: grossSalesCents - discountsCents - returnsCents },
    averageCents: paidOrders === 0 ? 0 : Math.round((grossSalesCents - discountsCents) / paidOrders),
    customers,
  };
}

export async function getDashboard(periodDays: DashboardPeriod, now = new Date(), executor: Executor = db): Promise<DashboardData> {
  const store = await getStoreInfo(executor);
  const currency = store.currency;
  const scales = currencyScales(currency);
  const to = now;
  const from = new Date(to.getTime() - periodDays * DAY_MS);
  const previousFrom = new Date(from.getTime() - periodDays * DAY_MS);
  const [current, previous] = [await periodTotals(executor, currency, scales, from, to), await periodTotals(executor, currency, scales, previousFrom, from)];

  const daily = rowsOf<{ date: string; orders: number | string; net: number | string }>(
    await executor.execute(sql`
      select to_char(s.placed_at at time zone 'UTC', 'YYYY-MM-DD') as date,
        count(*) filter (where s.status <> 'cancelled') as orders,
        coalesce(round(sum((s.gross - s.discount - ${returnsSql}) * s.to_base) filter (where ${convertible})), 0) as net
      from (${orderSales(currency, scales, from, to)}) s
      group by 1`),
  );
  const byCurrency = rowsOf<{ currency: string; orders: number | string; net: number | string; net_base: number | string | null; unconverted: boolean }>(
    await executor.execute(sql`
      select s.currency,
        count(*) filter (where s.status <> 'cancelled') as orders,
        coalesce(sum(s.gross - s.discount - ${returnsSql}) filter (where s.paid), 0) as net,
        coalesce(round(sum((s.gross - s.discount - ${returnsSql}) * s.to_base) filter (where s.paid)), 0) as net_base,
        bool_or(s.to_base is null) as unconverted
      from (${orderSales(currency, scales, from, to)}) s
      group by s.currency
      order by s.currency = ${currency} desc, s.currency`),
  ).map((row) => ({
    currency: row.currency,
    orders: Number(row.orders),
    netSalesCents: Number(row.net),
    netSalesBaseCents: row.unconverted ? null : Number(row.net_base),
  }));
  const byDay = new Map(daily.map((row) => [row.date, row]));
  const series: DashboardData['series'] = [];
  const firstDay = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  for (let t = firstDay; t < to.getTime(); t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    const row = byDay.get(date);
    series.push({ date, netSalesCents: Number(row?.net ?? 0), orders: Number(row?.orders ?? 0) });
  }

  // The line at its price, less its share of the discount, without tax (taken out of tax-inclusive prices), in the
  // base currency at the order's rate.
  const topProducts = rowsOf<{ product_id: string | null; title: string; units: number | string; net: number | string }>(
    await executor.execute(sql`
      select (array_agg(l.product_id))[1] as product_id, max(l.product_title) as title, sum(l.quantity)::int as units,
        coalesce(round(sum((l.unit_price_cents * l.quantity - l.discount_cents - case when o.tax_inclusive then l.tax_cents else 0 end) * ${toBaseSql(currency)})), 0) as net
      from ${orderLines} l
      join ${orders} o on o.id = l.order_id
      left join (values ${scales}) as sc(currency, scale) on sc.currency = o.currency
      where o.placed_at >= ${from.toISOString()} and o.placed_at < ${to.toISOString()} and o.status <> 'cancelled' and o.payment_status <> 'unpaid'
        and ${toBaseSql(currency)} is not null
      group by coalesce(l.product_id::text, l.product_title)
      order by sum(l.quantity) desc, max(l.product_title) asc
      limit 5`),
  );

  const [settings] = await executor.select({ threshold: storeSettings.lowStockThreshold }).from(storeSettings).where(eq(storeSettings.id, 1));
  const lowStockThreshold = settings?.threshold ?? 5;
  const lowStock = await executor
    .select({ productId: products.id, productTitle: products.title, variantTitle: variants.title, sku: variants.sku, stock: variants.stockOnHand, slug: products.slug })
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
    netSales: figure(current.sales.netSalesCents, previous.sales.netSalesCents),
    sales: current.sales,
    orders: figure(current.orders, previous.orders),
    averageOrderValue: figure(current.averageCents, previous.averageCents),
    newCustomers: figure(current.customers, previous.customers),
    series,
    topProducts: topProducts.map((row) => ({ productId: row.product_id, title: row.title, units: Number(row.units), netSalesCents: Number(row.net) })),
    lowStock,
    lowStockThreshold,
    byCurrency,
    latestOrders: latest.map((row) => ({ ...row, placedAt: row.placedAt.toISOString() })),
  };
}
