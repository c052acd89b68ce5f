import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccountNav } from '@/components/account/account-nav';
import { OrderDetailView } from '@/components/orders/order-detail';
import { requireUser } from '@/lib/auth/session';
import { getOrderForUser } from '@/lib/orders/queries';

export const metadata: Metadata = { title: 'Order', robots: { index: false } };

export default async function AccountOrderPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const user = await requireUser(`/account/orders/${encodeURIComponent(number)}`);
  // Scoped by owner in the query: another customer's order number is a 404, same as a made-up one.
  const order = await getOrderForUser(user.id, number);
  if (!order) notFound();
  return (
    <section aria-labelledby="order-heading">
      <h1 id="order-heading" className="mb-4 text-2xl font-bold">
        Order {order.number}
      </h1>
      <AccountNav />
      <OrderDetailView order={order} />
    </section>
  );
}
