import { CustomerTable } from '@/components/admin/people/customer-table';
import { EmptyState, formatDateTime } from '@/components/admin/people/pager';
import { SavedViews } from '@/components/admin/saved-views';
import { ListFilters } from '@/components/ui/list-filters';
import { customerListQuerySchema, customerSortDirection, listCustomers } from '@/lib/customers/queries';
import { requireStaffPage } from '@/lib/admin/guard';
import { listSavedViews } from '@/lib/admin/saved-views/service';
import { formatMoney, money } from '@/lib/money';

export const metadata = { title: 'Customers' };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaffPage('staff', '/admin/customers');
  const raw = await searchParams;
  const query = customerListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [result, views] = await Promise.all([listCustomers(query), listSavedViews(user.id, 'customers')]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Customers</h1>
      <SavedViews list="customers" views={views} />
      <ListFilters label="Search customers" idPrefix="customers" fields={[{ kind: 'search', name: 'q', label: 'Email or name' }]} />
      <p role="status" className="text-sm text-zinc-600">
        {result.total === 1 ? '1 customer' : `${result.total.toLocaleString('en-US')} customers`}
      </p>
      <CustomerTable
        sort={{ key: query.sort, dir: customerSortDirection(query) }}
        page={result.page}
        pageCount={result.pageCount}
        empty={<EmptyState>{query.q ? `No customers match “${query.q}”.` : 'No customers yet.'}</EmptyState>}
        rows={result.items.map((customer) => ({
          id: customer.id,
          email: customer.email,
          name: customer.name,
          guest: customer.guest,
          status: customer.status,
          orderCount: customer.orderCount,
          spent: customer.amountSpent.length === 0 ? 'None yet' : customer.amountSpent.map((amount) => formatMoney(money(amount.amountCents, amount.currency))).join(' + '),
          joined: formatDateTime(customer.createdAt),
        }))}
      />
    </div>
  );
}
