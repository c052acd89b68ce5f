import type { Metadata } from 'next';
import { OrderTable } from '@/components/admin/orders/order-table';
import { SavedViews } from '@/components/admin/saved-views';
import { ListFilters } from '@/components/ui/list-filters';
import { requireStaffPage } from '@/lib/admin/guard';
import { listSavedViews } from '@/lib/admin/saved-views/service';
import { ORDER_STATUS_LABELS, orderStatusText, PAYMENT_STATUS_LABELS, paymentStatusText } from '@/lib/orders/labels';
import { listOrdersForStaff } from '@/lib/orders/queries';
import { orderListQuerySchema, orderSortDirection } from '@/lib/orders/schemas';
import { formatMoney, money } from '@/lib/money';

export const metadata: Metadata = { title: 'Orders' };

export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaffPage('staff', '/admin/orders');
  const raw = await searchParams;
  const query = orderListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [result, views] = await Promise.all([listOrdersForStaff(query), listSavedViews(user.id, 'orders')]);
  const filtered = Boolean(query.status || query.payment || query.from || query.to || query.q);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold tracking-tight">Orders</h1>
      <SavedViews list="orders" views={views} />
      <ListFilters
        label="Filter orders"
        idPrefix="orders"
        fields={[
          { kind: 'search', name: 'q', label: 'Search', placeholder: 'Number, email or name' },
          { kind: 'select', name: 'status', label: 'Status', options: Object.entries(ORDER_STATUS_LABELS).map(([value, label]) => ({ value, label })) },
          { kind: 'select', name: 'payment', label: 'Payment', options: Object.entries(PAYMENT_STATUS_LABELS).map(([value, label]) => ({ value, label })) },
          { kind: 'date', name: 'from', label: 'Placed from' },
          { kind: 'date', name: 'to', label: 'Placed to' },
        ]}
      />
      <p role="status" className="text-sm text-zinc-600">
        {result.total === 0 ? 'No orders' : `${result.total} order${result.total === 1 ? '' : 's'}`}
        {filtered ? ' match these filters' : ''}
      </p>
      <OrderTable
        sort={{ key: query.sort, dir: orderSortDirection(query) }}
        page={result.page}
        pageCount={result.pageCount}
        empty={
          <p className="rounded-md border border-dashed border-zinc-300 bg-white p-8 text-center text-sm text-zinc-600">
            {filtered ? 'No orders match these filters. Try clearing some of them.' : 'No orders yet. They appear here as soon as a shopper checks out.'}
          </p>
        }
        rows={result.rows.map((row) => ({
          number: row.number,
          placed: new Date(row.placedAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
          customerName: row.customerName,
          email: row.email,
          status: row.status,
          statusLabel: orderStatusText(row.status),
          paymentStatus: row.paymentStatus,
          paymentLabel: paymentStatusText(row.paymentStatus),
          manualPayment: row.paymentProvider === 'manual',
          itemCount: row.itemCount,
          total: formatMoney(money(row.totalCents, row.currency)),
        }))}
      />
    </div>
  );
}
