import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccountNav } from '@/components/account/account-nav';
import { OrderDetailView } from '@/components/orders/order-detail';
import { requireUser } from '@/lib/auth/session';
import { getOrderForUser } from '@/lib/orders/queries';
import { getReturnableOrder, listReturnsForOrder } from '@/lib/returns/queries';
import { ReturnList } from '@/components/returns/return-detail';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Order', robots: { index: false } };

export default async function AccountOrderPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const user = await requireUser(`/account/orders/${encodeURIComponent(number)}`);
  // Scoped by owner in the query: another customer's order number is a 404, same as a made-up one.
  const order = await getOrderForUser(user.id, number);
  if (!order) notFound();
  const scope = { kind: 'customer' as const, userId: user.id };
  const [returnable, returns] = await Promise.all([getReturnableOrder(order.number, scope), listReturnsForOrder(order.number, scope)]);
  const canReturn = returnable !== null && returnable.refusal === null && returnable.lines.some((line) => line.remaining > 0);
  return (
    <section aria-labelledby="order-heading">
      <h1 id="order-heading" className="mb-4 text-2xl font-bold">
        Order {order.number}
      </h1>
      <AccountNav />
      <OrderDetailView order={order} />
      <section aria-labelledby="order-returns-heading" className="mt-8 flex flex-col gap-3">
        <h2 id="order-returns-heading" className="text-lg font-semibold">
          Returns
        </h2>
        <ReturnList returns={returns} hrefBase="/account/returns/" />
        {canReturn ? (
          <p>
            <Link href={`/account/orders/${order.number}/return`} className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
              Return or exchange items
            </Link>
          </p>
        ) : (
          <p className="text-sm text-zinc-600">{returnable?.refusal ?? (returns.length === 0 ? 'Nothing in this order can be returned.' : 'Everything returnable in this order has been returned.')}</p>
        )}
      </section>
    </section>
  );
}
