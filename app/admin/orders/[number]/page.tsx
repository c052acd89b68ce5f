import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OrderActions } from '@/components/admin/orders/order-actions';
import { AddressBlock, StatusBadge } from '@/components/admin/orders/order-bits';
import { OrderItems } from '@/components/admin/orders/order-items';
import { OrderNoteForm } from '@/components/admin/orders/order-note-form';
import { ResendConfirmationForm } from '@/components/admin/orders/resend-confirmation-form';
import { TrackingNumber } from '@/components/admin/orders/tracking-number';
import { requireStaffPage } from '@/lib/admin/guard';
import { orderStatusText, paymentStatusText } from '@/lib/orders/labels';
import { getStaffOrder } from '@/lib/orders/queries';
import { orderNumberSchema } from '@/lib/orders/schemas';
import type { StaffOrderDetail } from '@/lib/orders/types';
import { formatMoney, money } from '@/lib/money';
import { listReturnsForOrder } from '@/lib/returns/queries';
import { ReturnList } from '@/components/returns/return-detail';

export const metadata: Metadata = { title: 'Order' };

const CONFIRMATION_TEXT: Record<StaffOrderDetail['confirmationEmail'], string> = {
  sent: 'sent',
  stored: 'stored (no SMTP server configured)',
  pending: 'being delivered',
  failed: 'could not be delivered',
  none: 'not sent yet',
};

const when = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

export default async function AdminOrderPage({ params }: { params: Promise<{ number: string }> }) {
  const { number: raw } = await params;
  const user = await requireStaffPage('staff', `/admin/orders/${encodeURIComponent(raw)}`);
  const parsed = orderNumberSchema.safeParse(raw);
  const order = parsed.success ? await getStaffOrder(parsed.data) : null;
  if (!order) notFound();
  const returns = await listReturnsForOrder(order.number, { kind: 'staff' });
  const fmt = (cents: number) => formatMoney(money(cents, order.currency));
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-center gap-3">
        <p className="w-full text-sm">
          <Link href="/admin/orders" className="text-zinc-600 underline">
            All orders
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">Order {order.number}</h1>
        <StatusBadge label="Status" value={orderStatusText(order.status)} />
        <StatusBadge label="Payment" value={paymentStatusText(order.paymentStatus)} />
        <StatusBadge label="Shipping" value={order.fulfilment} />
        <Link href={`/admin/orders/${order.number}/packing-slip`} className="ml-auto rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-white">
          Packing slip
        </Link>
      </header>

      <div className="grid gap-6 xl:grid-cols-[1fr_340px]">
        <div className="flex flex-col gap-6">
          <section aria-labelledby="lines-heading" className="rounded-md border border-zinc-200 bg-white p-4">
            <h2 id="lines-heading" className="mb-2 text-lg font-semibold">
              Items
            </h2>
            <OrderItems order={order} />
          </section>

          <div className="grid gap-6 md:grid-cols-3">
            <section aria-labelledby="customer-heading" className="rounded-md border border-zinc-200 bg-white p-4 text-sm">
              <h2 id="customer-heading" className="mb-2 font-semibold">Customer</h2>
              <p>{order.customerName || order.shippingAddress.name}</p>
              <p>
                <a href={`mailto:${order.email}`} className="underline [overflow-wrap:anywhere]">{order.email}</a>
              </p>
              <p className="text-zinc-600">{order.customerName ? 'Has an account' : 'Guest checkout'}</p>
              <p className="mt-2 text-zinc-600">Placed {when(order.placedAt)}</p>
              {order.customerNote ? <p className="mt-2">Note: {order.customerNote}</p> : null}
            </section>
            <section aria-labelledby="ship-heading" className="rounded-md border border-zinc-200 bg-white p-4 text-sm">
              <h2 id="ship-heading" className="mb-2 font-semibold">Shipping address</h2>
              <AddressBlock address={order.shippingAddress} />
            </section>
            <section aria-labelledby="bill-heading" className="rounded-md border border-zinc-200 bg-white p-4 text-sm">
              <h2 id="bill-heading" className="mb-2 font-semibold">Billing address</h2>
              {order.billingAddress ? <AddressBlock address={order.billingAddress} /> : <p className="text-zinc-600">Same as shipping</p>}
            </section>
          </div>

          <section aria-labelledby="payments-heading" className="rounded-md border border-zinc-200 bg-white p-4 text-sm">
            <h2 id="payments-heading" className="mb-2 text-lg font-semibold">Payments and refunds</h2>
            {order.payments.length === 0 ? <p className="text-zinc-600">No payment recorded yet.</p> : null}
            <ul aria-label="Payments" className="flex flex-col gap-1">
              {order.payments.map((payment, i) => (
                <li key={i}>
                  {payment.provider === 'manual' ? 'Manual payment' : 'Card (Stripe)'}: {fmt(payment.amountCents)} — {payment.status}
                  {payment.capturedAt ? `, captured ${when(payment.capturedAt)}` : ''}
                  {payment.refundedCents > 0 ? `, ${fmt(payment.refundedCents)} refunded` : ''}
                  {payment.reference ? <span className="font-mono text-xs text-zinc-600"> {payment.reference}</span> : null}
                </li>
              ))}
            </ul>
            {order.refunds.length > 0 ? (
              <ul aria-label="Refunds" className="mt-2 flex flex-col gap-1">
                {order.refunds.map((refund, i) => (
                  <li key={i}>
                    Refund {fmt(refund.amountCents)} — {refund.status}, {when(refund.createdAt)}
                    {refund.reason ? ` (${refund.reason})` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>

          <section aria-labelledby="returns-heading" className="rounded-md border border-zinc-200 bg-white p-4 text-sm">
            <h2 id="returns-heading" className="mb-2 text-lg font-semibold">Returns</h2>
            {returns.length === 0 ? <p className="text-zinc-600">No returns for this order.</p> : <ReturnList returns={returns} hrefBase="/admin/returns/" />}
            {order.status === 'fulfilled' || order.status === 'delivered' ? (
              <p className="mt-3">
                <Link href={`/admin/returns/new?order=${order.number}`} className="inline-block rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
                  Open a return
                </Link>
              </p>
            ) : null}
          </section>

          <section aria-labelledby="shipments-heading" className="rounded-md border border-zinc-200 bg-white p-4 text-sm">
            <h2 id="shipments-heading" className="mb-2 text-lg font-semibold">Shipments</h2>
            {order.shipments.length === 0 ? <p className="text-zinc-600">Nothing has shipped yet.</p> : null}
            <ul aria-label="Shipments" className="flex flex-col gap-2">
              {order.shipments.map((shipment, i) => (
                <li key={i}>
                  <p>
                    {shipment.carrier} <TrackingNumber shipment={shipment} /> — {shipment.status === 'delivered' ? 'delivered' : 'shipped'} {when(shipment.shippedAt)}
                  </p>
                  <p className="text-zinc-600">{shipment.items.map((item) => `${item.quantity} × ${item.title}`).join(', ')}</p>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="timeline-heading" className="rounded-md border border-zinc-200 bg-white p-4 text-sm">
            <h2 id="timeline-heading" className="mb-2 text-lg font-semibold">Timeline</h2>
            <ol aria-label="Timeline" className="flex flex-col gap-2 border-l border-zinc-200 pl-4">
              {order.timeline.map((event, i) => (
                <li key={i} className={event.note ? 'rounded-md border border-amber-200 bg-amber-50 p-2' : undefined}>
                  {event.note ? <p className="text-xs font-semibold text-amber-900">Internal note</p> : null}
                  <p className="whitespace-pre-line [overflow-wrap:anywhere]">{event.message}</p>
                  <p className="text-xs text-zinc-600">
                    <time dateTime={event.createdAt}>{when(event.createdAt)}</time>
                    {event.actor ? ` · ${event.note ? 'by ' : ''}${event.actorName ? `${event.actorName} (${event.actor})` : event.actor}` : ''}
                  </p>
                </li>
              ))}
            </ol>
            <div className="mt-4 border-t border-zinc-100 pt-4">
              <OrderNoteForm number={order.number} />
            </div>
          </section>
        </div>

        <aside aria-label="Order actions and emails" className="flex flex-col gap-6">
          <section aria-labelledby="emails-heading" className="flex flex-col gap-2 rounded-md border border-zinc-200 bg-white p-4 text-sm">
            <h2 id="emails-heading" className="text-lg font-semibold">Customer emails</h2>
            <p className="text-zinc-600">Confirmation: {CONFIRMATION_TEXT[order.confirmationEmail]}</p>
            <ResendConfirmationForm number={order.number} />
          </section>
          <OrderActions
            number={order.number}
            transitions={order.transitions}
            canRefund={user.role === 'admin'}
            currency={order.currency}
            refundable={fmt(order.refundableCents)}
            lines={order.lines.map((line) => ({ id: line.id, title: `${line.productTitle} (${line.variantTitle})`, remaining: line.quantity - line.shippedQuantity }))}
          />
        </aside>
      </div>
    </div>
  );
}
