import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { AccountNav } from '@/components/account/account-nav';
import { orderStatusLabel } from '@/components/orders/order-detail';
import { LocalTime } from '@/components/ui/local-time';
import { Price } from '@/components/ui/price';
import { requireUser } from '@/lib/auth/session';
import { listOrdersForUser } from '@/lib/orders/queries';

export const metadata: Metadata = { title: 'Your orders', robots: { index: false } };

export default async function OrdersPage() {
  const user = await requireUser('/account/orders');
  const orders = await listOrdersForUser(user.id);
  return (
    <section aria-labelledby="orders-heading">
      <h1 id="orders-heading" className="mb-4 text-2xl font-bold">
        Your orders
      </h1>
      <AccountNav />
      {orders.length === 0 ? (
        <p>You have not placed any orders yet.</p>
      ) : (
        <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your orders, newest first</caption>
          <thead>
            <tr className="border-b border-zinc-200">
              <th scope="col" className="py-2">Order</th>
              <th scope="col">Placed</th>
              <th scope="col">Items</th>
              <th scope="col">Status</th>
              <th scope="col" className="text-right">Total</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.number} className="border-b border-zinc-100">
                <td className="py-2">
                  <Link href={`/account/orders/${order.number}`} className="underline">
                    {order.number}
                  </Link>
                </td>
                <td>
                  <LocalTime iso={new Date(order.placedAt).toISOString()} />
                </td>
                <td>{order.itemCount}</td>
                <td>{orderStatusLabel(order.status)}</td>
                <td className="text-right">
                  <Price className="inline" amountCents={order.totalCents} currency={order.currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
