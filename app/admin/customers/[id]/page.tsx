import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { CustomerAccessForm } from '@/components/admin/people/customer-access-form';
import { CustomerErasureForm } from '@/components/admin/people/customer-erasure-form';
import { AmountSpentText, GuestBadge } from '@/components/admin/people/customer-summary';
import { EmptyState, formatDateTime } from '@/components/admin/people/pager';
import { Price } from '@/components/ui/price';
import { getCustomer } from '@/lib/customers/queries';
import { requireStaffPage } from '@/lib/admin/guard';
import { StoreCreditPanel } from '@/components/admin/gift-cards/store-credit-panel';
import { getCustomerCredit } from '@/lib/gift-cards/queries';
import { getCachedMarkets } from '@/lib/markets/cache';

export const metadata = { title: 'Customer' };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireStaffPage('staff', `/admin/customers/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const customer = await getCustomer(id);
  if (!customer) notFound();
  const [credit, markets] = await Promise.all([getCustomerCredit(id), getCachedMarkets()]);
  const currencies = [...new Set([...markets].sort((a, b) => Number(b.isDefault) - Number(a.isDefault)).map((market) => market.currency))];
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href="/admin/customers" className="underline">
          ← Customers
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight">{customer.erasedAt ? 'Erased customer' : customer.name || customer.email}</h1>
      {customer.guest ? (
        <p className="rounded-md bg-zinc-100 p-3 text-sm">
          Bought as a guest: there is no account for this email yet. If they register with it, the account takes over this record, and its orders appear in
          their account once they confirm the address.
        </p>
      ) : null}
      {customer.erasedAt ? (
        <p role="status" className="rounded-md bg-zinc-100 p-3 text-sm">
          This account was erased on request on {formatDateTime(customer.erasedAt)}. Its orders are kept for accounting without personal data.
        </p>
      ) : null}
      <dl className="grid grid-cols-1 gap-1 text-sm break-words sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium">Email</dt>
        <dd>{customer.email}</dd>
        <dt className="font-medium">Status</dt>
        <dd>
          <span data-testid="customer-status" className="capitalize">{customer.status}</span>
          {customer.guest ? <GuestBadge /> : null}
        </dd>
        <dt className="font-medium">Orders</dt>
        <dd>{customer.orderCount}</dd>
        <dt className="font-medium">Total spent</dt>
        <dd>
          <AmountSpentText amounts={customer.amountSpent} />
        </dd>
        <dt className="font-medium">Email confirmed</dt>
        <dd>{customer.emailVerified ? 'Yes' : 'No'}</dd>
        <dt className="font-medium">{customer.guest ? 'First order' : 'Joined'}</dt>
        <dd>{formatDateTime(customer.createdAt)}</dd>
        <dt className="font-medium">Last sign-in</dt>
        <dd>{formatDateTime(customer.lastSignInAt)}</dd>
      </dl>
      {customer.erasedAt ? null : <CustomerAccessForm id={customer.id} status={customer.status} />}
      {!customer.erasedAt && viewer.role === 'admin' ? (
        <section aria-labelledby="privacy-heading" className="space-y-3 rounded-md border border-zinc-200 bg-white p-4">
          <h2 id="privacy-heading" className="text-lg font-semibold">
            Privacy requests
          </h2>
          <p className="text-sm">
            When this customer asks for a copy of their data, or to be forgotten, and cannot do it from their account. Both are recorded in the audit log.
          </p>
          <p>
            <a href={`/api/admin/customers/${customer.id}/export`} download className="inline-block rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
              Download customer data (JSON)
            </a>
          </p>
          <CustomerErasureForm id={customer.id} />
        </section>
      ) : null}
      <section aria-labelledby="orders-heading">
        <h2 id="orders-heading" className="mb-2 text-lg font-semibold">
          Orders
        </h2>
        {customer.orders.length === 0 ? (
          <EmptyState>No orders yet.</EmptyState>
        ) : (
          <>
          <ul aria-label="Orders of this customer" className="space-y-2 sm:hidden">
            {customer.orders.map((order) => (
              <li key={order.number} className="rounded-md border border-zinc-200 bg-white p-3 text-sm">
                <Link href={`/admin/orders/${order.number}`} className="break-all underline">
                  {order.number}
                </Link>
                <span className="block capitalize">
                  {order.status} · {order.paymentStatus.replace('_', ' ')}
                </span>
                <Price amountCents={order.totalCents} currency={order.currency} />
              </li>
            ))}
          </ul>
          <table className="hidden w-full bg-white text-sm sm:table">
            <thead>
              <tr className="border-b border-zinc-200 text-left">
                <th scope="col" className="p-2">Order</th>
                <th scope="col" className="hidden p-2 sm:table-cell">Placed</th>
                <th scope="col" className="p-2">Status</th>
                <th scope="col" className="hidden p-2 sm:table-cell">Payment</th>
                <th scope="col" className="p-2">Total</th>
              </tr>
            </thead>
            <tbody>
              {customer.orders.map((order) => (
                <tr key={order.number} className="border-b border-zinc-100">
                  <td className="p-2">
                    <Link href={`/admin/orders/${order.number}`} className="underline">
                      {order.number}
                    </Link>
                  </td>
                  <td className="hidden p-2 sm:table-cell">{formatDateTime(order.placedAt)}</td>
                  <td className="p-2 capitalize">{order.status}</td>
                  <td className="hidden p-2 sm:table-cell">{order.paymentStatus.replace('_', ' ')}</td>
                  <td className="p-2">
                    <Price amountCents={order.totalCents} currency={order.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </>
        )}
      </section>
      <section aria-labelledby="addresses-heading">
        <h2 id="addresses-heading" className="mb-2 text-lg font-semibold">
          Addresses
        </h2>
        {customer.addresses.length === 0 ? (
          <EmptyState>No saved addresses.</EmptyState>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {customer.addresses.map((address) => (
              <li key={address.id} className="rounded-md border border-zinc-200 bg-white p-3 text-sm">
                <address className="not-italic">
                  {address.name}
                  <br />
                  {address.line1}
                  {address.line2 ? <>, {address.line2}</> : null}
                  <br />
                  {address.postalCode} {address.city}
                  {address.region ? `, ${address.region}` : ''}
                  <br />
                  {address.countryCode}
                </address>
              </li>
            ))}
          </ul>
        )}
      </section>
      {customer.erasedAt ? null : <StoreCreditPanel customerId={customer.id} credit={credit} currencies={currencies} />}
    </div>
  );
}
