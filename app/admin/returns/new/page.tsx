import type { Metadata } from 'next';
import Link from 'next/link';
import { ReturnRequestForm } from '@/components/returns/return-request-form';
import { requireStaffPage } from '@/lib/admin/guard';
import { openReturnAction } from '@/lib/admin/returns/actions';
import { getReturnableOrder } from '@/lib/returns/queries';

export const metadata: Metadata = { title: 'Open a return' };

/** Staff open a return for a customer who called or wrote in; the return window does not bind them. */
export default async function NewReturnPage({ searchParams }: { searchParams: Promise<{ order?: string }> }) {
  await requireStaffPage('staff', '/admin/returns/new');
  const { order: number } = await searchParams;
  const order = typeof number === 'string' ? await getReturnableOrder(number, { kind: 'staff' }) : null;
  if (!order) {
    return (
      <div className="flex max-w-2xl flex-col gap-6">
        <h1 className="text-2xl font-bold tracking-tight">Open a return</h1>
        <form role="search" aria-label="Find the order to return" className="flex max-w-md flex-col gap-3">
          <div>
            <label htmlFor="return-order-number" className="block text-sm font-medium">
              Order number
            </label>
            <input id="return-order-number" name="order" defaultValue={typeof number === 'string' ? number : ''} placeholder="SF-XXXXXXXX" aria-describedby={number ? 'return-order-number-error' : undefined} className="mt-1 w-full rounded-md border border-zinc-300 px-3 py-2" />
            {number ? (
              <p id="return-order-number-error" className="mt-1 text-sm text-red-700">
                No order has that number.
              </p>
            ) : null}
          </div>
          <div>
            <button type="submit" className="rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium hover:bg-zinc-50">
              Find order
            </button>
          </div>
        </form>
      </div>
    );
  }
  const open = order.refusal === null && order.lines.some((line) => line.remaining > 0);
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <p className="text-sm">
        <Link href={`/admin/orders/${order.number}`} className="text-zinc-600 underline">
          Order {order.number}
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight">Open a return for {order.number}</h1>
      {open ? (
        <ReturnRequestForm order={order} action={openReturnAction} returnHref="/admin/returns/" label="Open a return" submitLabel="Open return" />
      ) : (
        <p className="text-zinc-700">{order.refusal ?? 'Everything returnable in this order has already been returned.'}</p>
      )}
    </div>
  );
}
