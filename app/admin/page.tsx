import { ScrollRegion } from '@/components/ui/scroll-region';
import type { Metadata } from 'next';
import Link from 'next/link';
import { SalesChart } from '@/components/admin/dashboard/sales-chart';
import { requireStaffPage } from '@/lib/admin/guard';
import { DASHBOARD_PERIODS, type DashboardPeriod, type Figure, getDashboard } from '@/lib/orders/reports';
import { orderStatusText, paymentStatusText } from '@/lib/orders/labels';
import { formatMoney, minorUnitDigits, money } from '@/lib/money';

export const metadata: Metadata = { title: 'Dashboard' };

function periodFrom(raw: string | string[] | undefined): DashboardPeriod {
  const days = Number(Array.isArray(raw) ? raw[0] : raw);
  return (DASHBOARD_PERIODS as readonly number[]).includes(days) ? (days as DashboardPeriod) : 30;
}

function Change({ figure }: { figure: Figure }) {
  if (figure.changePercent === null) return <span className="text-zinc-600">no earlier figure to compare</span>;
  const up = figure.changePercent > 0;
  const same = figure.changePercent === 0;
  return (
    <span className={same ? 'text-zinc-600' : up ? 'text-green-800' : 'text-red-700'}>
      {same ? 'no change' : `${up ? '▲ +' : '▼ '}${figure.changePercent}%`}
    </span>
  );
}

function Tile({ label, figure, format, days }: { label: string; figure: Figure; format: (n: number) => string; days: number }) {
  return (
    <div className="rounded-md border border-zinc-200 bg-white p-4">
      <dt className="text-sm text-zinc-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold" data-testid={`figure-${label.toLowerCase().replace(/\s+/g, '-')}`}>
        {format(figure.current)}
      </dd>
      <dd className="mt-1 text-xs">
        <Change figure={figure} />
        <span className="block text-zinc-600">
          previous {days} days: {format(figure.previous)}
        </span>
      </dd>
    </div>
  );
}

export default async function AdminDashboardPage({ searchParams }: { searchParams: Promise<{ days?: string | string[] }> }) {
  await requireStaffPage('staff', '/admin');
  const days = periodFrom((await searchParams).days);
  const data = await getDashboard(days);
  const fmt = (cents: number) => formatMoney(money(cents, data.currency));
  const count = (n: number) => n.toLocaleString('en-US');
  const points = data.series.map((point) => ({
    date: point.date,
    label: new Date(`${point.date}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }),
    // The chart's axis needs a plain number in major units; every figure shown as text stays exact (fmt).
    revenue: point.netSalesCents / 10 ** minorUnitDigits(data.currency),
    revenueText: fmt(point.netSalesCents),
    orders: point.orders,
  }));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Dashboard</h1>
        <nav aria-label="Period" className="flex gap-1 text-sm">
          {DASHBOARD_PERIODS.map((option) => (
            <Link
              key={option}
              href={`/admin?days=${option}`}
              aria-current={option === days ? 'page' : undefined}
              className={`rounded-md px-3 py-1.5 ${option === days ? 'bg-zinc-900 text-white' : 'border border-zinc-300 bg-white hover:bg-zinc-100'}`}
            >
              Last {option} days
            </Link>
          ))}
        </nav>
      </div>
      <p className="text-xs text-zinc-600">
        Net sales are gross sales (items at their selling price) minus discounts and returns, without tax or shipping, for
        orders placed in the period whose payment was captured; unpaid orders do not count. Orders excludes cancelled ones.
        Figures in {data.currency}
        {data.byCurrency.some((row) => row.currency !== data.currency) ? '; orders in other currencies are converted at the rate stored on each order when it was placed' : ''}.
      </p>

      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-label={`Last ${days} days`}>
        <Tile label="Net sales" figure={data.netSales} format={fmt} days={days} />
        <Tile label="Orders" figure={data.orders} format={count} days={days} />
        <Tile label="Average order value" figure={data.averageOrderValue} format={fmt} days={days} />
        <Tile label="New customers" figure={data.newCustomers} format={count} days={days} />
      </dl>

      <section aria-labelledby="sales-heading" className="rounded-md border border-zinc-200 bg-white p-4">
        <h2 id="sales-heading" className="mb-2 font-semibold">
          How net sales add up, last {days} days
        </h2>
        <dl className="grid max-w-md grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm" aria-labelledby="sales-heading">
          <dt>Gross sales</dt>
          <dd className="text-right tabular-nums">{fmt(data.sales.grossSalesCents)}</dd>
          <dt>Discounts</dt>
          <dd className="text-right tabular-nums">−{fmt(data.sales.discountsCents)}</dd>
          <dt>Returns and refunds</dt>
          <dd className="text-right tabular-nums">−{fmt(data.sales.returnsCents)}</dd>
          <dt className="border-t border-zinc-200 pt-1 font-semibold">Net sales</dt>
          <dd className="border-t border-zinc-200 pt-1 text-right font-semibold tabular-nums">{fmt(data.sales.netSalesCents)}</dd>
        </dl>
        <p className="mt-2 text-xs text-zinc-600">Not included: tax collected and shipping charged.</p>
      </section>

      {data.byCurrency.some((row) => row.currency !== data.currency) ? (
        <section aria-labelledby="currency-heading" className="min-w-0 rounded-md border border-zinc-200 bg-white p-4">
          <h2 id="currency-heading" className="mb-2 font-semibold">
            Sales by currency, last {days} days
          </h2>
          <ScrollRegion label="Sales by currency, table">
            <table className="w-full max-w-2xl text-left text-sm">
              <caption className="sr-only">Orders and net sales in each currency, and net sales converted to {data.currency}</caption>
              <thead className="text-xs text-zinc-600">
                <tr>
                  <th scope="col">Currency</th>
                  <th scope="col" className="text-right">Orders</th>
                  <th scope="col" className="text-right">Net sales</th>
                  <th scope="col" className="text-right">In {data.currency}</th>
                </tr>
              </thead>
              <tbody>
                {data.byCurrency.map((row) => (
                  <tr key={row.currency} className="border-t border-zinc-100">
                    <th scope="row" className="py-1.5 font-normal">
                      {row.currency}
                    </th>
                    <td className="text-right tabular-nums">{count(row.orders)}</td>
                    <td className="text-right tabular-nums">{formatMoney(money(row.netSalesCents, row.currency))}</td>
                    <td className="text-right tabular-nums">{row.netSalesBaseCents === null ? 'no rate stored' : fmt(row.netSalesBaseCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ) : null}

      <SalesChart points={points} currency={data.currency} title={`Net sales and orders per day, last ${days} days`} />

      <div className="grid gap-6 xl:grid-cols-3">
        <section aria-labelledby="latest-heading" className="min-w-0 rounded-md border border-zinc-200 bg-white p-4 xl:col-span-2">
          <h2 id="latest-heading" className="mb-2 font-semibold">
            Latest orders
          </h2>
          {data.latestOrders.length === 0 ? (
            <p className="text-sm text-zinc-600">No orders yet.</p>
          ) : (
            <ScrollRegion label="Latest orders, table">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Latest orders</caption>
                <thead className="text-xs text-zinc-600">
                  <tr>
                    <th scope="col">Order</th>
                    <th scope="col">Customer</th>
                    <th scope="col">Status</th>
                    <th scope="col">Payment</th>
                    <th scope="col" className="text-right">Total</th>
                  </tr>
                </thead>
                <tbody>
                  {data.latestOrders.map((order) => (
                    <tr key={order.number} className="border-t border-zinc-100">
                      <td className="py-1.5 font-mono">
                        <Link href={`/admin/orders/${order.number}`} className="underline">
                          {order.number}
                        </Link>
                      </td>
                      <td>{order.email}</td>
                      <td>{orderStatusText(order.status)}</td>
                      <td>{paymentStatusText(order.paymentStatus)}</td>
                      <td className="text-right">{formatMoney(money(order.totalCents, order.currency))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </section>

        <section aria-labelledby="top-heading" className="rounded-md border border-zinc-200 bg-white p-4">
          <h2 id="top-heading" className="font-semibold">
            Top products
          </h2>
          <p className="mb-2 text-xs text-zinc-600">By units sold in paid orders; sales after discounts, without tax or shipping.</p>
          {data.topProducts.length === 0 ? (
            <p className="text-sm text-zinc-600">Nothing sold in this period.</p>
          ) : (
            <ol className="flex flex-col gap-1 text-sm">
              {data.topProducts.map((product) => (
                <li key={product.title} className="flex justify-between gap-2">
                  {product.productId ? (
                    <Link href={`/admin/products/${product.productId}`} className="underline">
                      {product.title}
                    </Link>
                  ) : (
                    <span>{product.title}</span>
                  )}
                  <span className="whitespace-nowrap text-zinc-600">
                    {product.units} sold · {fmt(product.netSalesCents)}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      <section aria-labelledby="low-stock-heading" className="min-w-0 rounded-md border border-zinc-200 bg-white p-4">
        <h2 id="low-stock-heading" className="mb-2 font-semibold">
          Low stock (at or below {data.lowStockThreshold})
        </h2>
        {data.lowStock.length === 0 ? (
          <p className="text-sm text-zinc-600">Every variant has more than {data.lowStockThreshold} in stock.</p>
        ) : (
          <ScrollRegion label="Low stock, table">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Variants low on stock</caption>
              <thead className="text-xs text-zinc-600">
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">SKU</th>
                  <th scope="col" className="text-right">In stock</th>
                </tr>
              </thead>
              <tbody>
                {data.lowStock.map((row) => (
                  <tr key={row.sku} className="border-t border-zinc-100">
                    <td className="py-1.5">
                      <Link href={`/admin/products/${row.productId}`} className="underline">
                        {row.productTitle}
                      </Link>{' '}
                      <span className="text-zinc-600">({row.variantTitle})</span>
                    </td>
                    <td className="font-mono text-xs">{row.sku}</td>
                    <td className={`text-right ${row.stock === 0 ? 'font-semibold text-red-700' : ''}`}>{row.stock === 0 ? 'Sold out' : row.stock}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </div>
  );
}
