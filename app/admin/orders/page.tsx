import { ScrollRegion } from '@/components/ui/scroll-region';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaffPage } from '@/lib/admin/guard';
import { ORDER_STATUS_LABELS, orderStatusText, PAYMENT_STATUS_LABELS, paymentStatusText } from '@/lib/orders/labels';
import { listOrdersForStaff } from '@/lib/orders/queries';
import { type OrderListQuery, orderListQuerySchema } from '@/lib/orders/schemas';
import { formatMoney, money } from '@/lib/money';

export const metadata: Metadata = { title: 'Orders' };

function pageHref(query: OrderListQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of ['status', 'payment', 'from', 'to', 'q'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `/admin/orders?${text}` : '/admin/orders';
}

const control = 'mt-1 rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm';

export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaffPage('staff', '/admin/orders');
  const raw = await searchParams;
  const query = orderListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const result = await listOrdersForStaff(query);
  const filtered = Boolean(query.status || query.payment || query.from || query.to || query.q);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold tracking-tight">Orders</h1>
      {/* A plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */}
      <form method="get" action="/admin/orders" role="search" aria-label="Filter orders" className="flex flex-wrap items-end gap-3 rounded-md border border-zinc-200 bg-white p-3">
        <div>
          <label htmlFor="orders-q" className="block text-xs font-medium">Search</label>
          <input id="orders-q" name="q" type="search" defaultValue={query.q ?? ''} placeholder="Number, email or name" className={`${control} w-64`} />
        </div>
        <div>
          <label htmlFor="orders-status" className="block text-xs font-medium">Status</label>
          <select id="orders-status" name="status" defaultValue={query.status ?? ''} className={control}>
            <option value="">Any</option>
            {Object.entries(ORDER_STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="orders-payment" className="block text-xs font-medium">Payment</label>
          <select id="orders-payment" name="payment" defaultValue={query.payment ?? ''} className={control}>
            <option value="">Any</option>
            {Object.entries(PAYMENT_STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="orders-from" className="block text-xs font-medium">Placed from</label>
          <input id="orders-from" name="from" type="date" defaultValue={query.from ?? ''} className={control} />
        </div>
        <div>
          <label htmlFor="orders-to" className="block text-xs font-medium">Placed to</label>
          <input id="orders-to" name="to" type="date" defaultValue={query.to ?? ''} className={control} />
        </div>
        <button type="submit" className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white">Apply filters</button>
        {filtered ? (
          <Link href="/admin/orders" className="text-sm underline">Clear</Link>
        ) : null}
      </form>

      <p role="status" className="text-sm text-zinc-600">
        {result.total === 0 ? 'No orders' : `${result.total} order${result.total === 1 ? '' : 's'}`}
        {filtered ? ' match these filters' : ''}
        {result.pageCount > 1 ? ` · page ${result.page} of ${result.pageCount}` : ''}
      </p>

      {result.rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 bg-white p-8 text-center text-sm text-zinc-600">
          {filtered ? 'No orders match these filters. Try clearing some of them.' : 'No orders yet. They appear here as soon as a shopper checks out.'}
        </p>
      ) : (
        <ScrollRegion label="Orders, table">
          <table className="w-full rounded-md border border-zinc-200 bg-white text-left text-sm">
            <caption className="sr-only">Orders, newest first</caption>
            <thead className="bg-zinc-50 text-xs text-zinc-600">
              <tr>
                <th scope="col" className="px-3 py-2">Order</th>
                <th scope="col" className="px-3 py-2">Placed</th>
                <th scope="col" className="px-3 py-2">Customer</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Payment</th>
                <th scope="col" className="px-3 py-2 text-right">Items</th>
                <th scope="col" className="px-3 py-2 text-right">Total</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.number} className="border-t border-zinc-100">
                  <td className="px-3 py-2 font-mono">
                    <Link href={`/admin/orders/${row.number}`} className="underline">{row.number}</Link>
                  </td>
                  <td className="px-3 py-2">{new Date(row.placedAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })}</td>
                  <td className="px-3 py-2">
                    {row.customerName}
                    <span className="block text-xs text-zinc-600">{row.email}</span>
                  </td>
                  <td className="px-3 py-2">{orderStatusText(row.status)}</td>
                  <td className="px-3 py-2">{paymentStatusText(row.paymentStatus)}</td>
                  <td className="px-3 py-2 text-right">{row.itemCount}</td>
                  <td className="px-3 py-2 text-right">{formatMoney(money(row.totalCents, row.currency))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      {result.pageCount > 1 ? (
        <nav aria-label="Pagination" className="flex gap-3 text-sm">
          {result.page > 1 ? <Link href={pageHref(query, result.page - 1)} className="underline">Previous page</Link> : null}
          {result.page < result.pageCount ? <Link href={pageHref(query, result.page + 1)} className="underline">Next page</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
