import Link from 'next/link';
import { AmountSpentText, GuestBadge } from '@/components/admin/people/customer-summary';
import { EmptyState, formatDateTime, Pager } from '@/components/admin/people/pager';
import { listCustomers } from '@/lib/customers/queries';
import { requireStaffPage } from '@/lib/admin/guard';
import { pageParamSchema } from '@/lib/pagination';

export const metadata = { title: 'Customers' };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  await requireStaffPage('staff', '/admin/customers');
  const params = await searchParams;
  const q = typeof params.q === 'string' ? params.q.slice(0, 200) : '';
  const result = await listCustomers({ q, page: pageParamSchema.parse(params.page) });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Customers</h1>
      <form role="search" aria-label="Search customers" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 sm:flex-none">
          <label htmlFor="customer-q" className="block text-sm font-medium">
            Email or name
          </label>
          <input id="customer-q" name="q" type="search" defaultValue={q} className="mt-1 w-full min-w-0 rounded-md border border-zinc-300 px-3 py-2 text-sm sm:w-72" />
        </div>
        <button type="submit" className="rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium hover:bg-zinc-50">
          Search
        </button>
      </form>
      {result.items.length === 0 ? (
        <EmptyState>{q ? `No customers match “${q}”.` : 'No customers yet.'}</EmptyState>
      ) : (
        <>
        {/* Phones: one card per customer; from 640 px up, the table. */}
        <ul aria-label={`Customers, newest first (${result.total} in all)`} className="space-y-2 sm:hidden">
          {result.items.map((customer) => (
            <li key={customer.id} className="rounded-md border border-zinc-200 bg-white p-3 text-sm">
              <Link href={`/admin/customers/${customer.id}`} className="break-all underline">
                {customer.email}
              </Link>
              {customer.guest ? <GuestBadge /> : null}
              {customer.name ? <span className="block text-zinc-600">{customer.name}</span> : null}
              <span className="block">
                {customer.orderCount} {customer.orderCount === 1 ? 'order' : 'orders'} · <AmountSpentText amounts={customer.amountSpent} />
                {customer.status === 'disabled' ? ' · disabled' : ''}
              </span>
            </li>
          ))}
        </ul>
        <table className="hidden w-full border-collapse bg-white text-sm sm:table">
          <caption className="sr-only">Customers, newest first ({result.total} in all)</caption>
          <thead>
            <tr className="border-b border-zinc-200 text-left">
              <th scope="col" className="p-2">Customer</th>
              <th scope="col" className="hidden p-2 sm:table-cell">Status</th>
              <th scope="col" className="p-2">Orders</th>
              <th scope="col" className="p-2">Total spent</th>
              <th scope="col" className="hidden p-2 md:table-cell">Joined</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((customer) => (
              <tr key={customer.id} className="border-b border-zinc-100 align-top">
                <td className="p-2 break-all">
                  <Link href={`/admin/customers/${customer.id}`} className="underline">
                    {customer.email}
                  </Link>
                  {customer.guest ? <GuestBadge /> : null}
                  {customer.name ? <span className="block break-normal text-zinc-600">{customer.name}</span> : null}
                </td>
                <td className="hidden p-2 capitalize sm:table-cell">{customer.status}</td>
                <td className="p-2">{customer.orderCount}</td>
                <td className="p-2">
                  <AmountSpentText amounts={customer.amountSpent} />
                </td>
                <td className="hidden p-2 md:table-cell">{formatDateTime(customer.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </>
      )}
      <Pager basePath="/admin/customers" params={{ q }} page={result.page} pageCount={result.pageCount} label="Customer pages" />
    </div>
  );
}
