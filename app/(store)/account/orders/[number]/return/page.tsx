import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AccountNav } from '@/components/account/account-nav';
import { ReturnRequestForm } from '@/components/returns/return-request-form';
import { requireUser } from '@/lib/auth/session';
import { requestReturnAction } from '@/lib/returns/actions';
import { getReturnableOrder } from '@/lib/returns/queries';

export const metadata: Metadata = { title: 'Return items', robots: { index: false } };

export default async function AccountReturnRequestPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const user = await requireUser(`/account/orders/${encodeURIComponent(number)}/return`);
  // Scoped by owner in the query: another customer's order is a 404, the same as a made-up number.
  const order = await getReturnableOrder(number, { kind: 'customer', userId: user.id });
  if (!order) notFound();
  const open = order.refusal === null && order.lines.some((line) => line.remaining > 0);
  return (
    <section aria-labelledby="return-heading">
      <h1 id="return-heading" className="mb-4 text-2xl font-bold">
        Return items from {order.number}
      </h1>
      <AccountNav />
      <div className="max-w-2xl">
        {order.windowEndsAt && open ? (
          <p className="mb-4 text-sm text-zinc-600">
            Returns for this order are open until {new Date(order.windowEndsAt).toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'UTC' })}.
          </p>
        ) : null}
        {open ? (
          <ReturnRequestForm order={order} action={requestReturnAction} returnHref="/account/returns/" />
        ) : (
          <p className="text-zinc-700">{order.refusal ?? 'Everything returnable in this order has already been returned.'}</p>
        )}
        <p className="mt-6">
          <Link href={`/account/orders/${order.number}`} className="text-sm underline">
            Back to order {order.number}
          </Link>
        </p>
      </div>
    </section>
  );
}
