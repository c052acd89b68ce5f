import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OrderActions } from '@/components/admin/orders/order-actions';
import { AddressBlock, StatusBadge } from '@/components/admin/orders/order-bits';
import { requireStaffPage } from '@/lib/admin/guard';
import { orderStatusText, paymentStatusText } from '@/lib/orders/labels';
import { getStaffOrder } from '@/lib/orders/queries';
import { orderNumberSchema } from '@/lib/orders/schemas';
import { formatMoney, money } from '@/lib/money';

export const metadata: Metadata = { title: 'Order' };

const when = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

export default async function AdminOrderPage({ params }: { params: Promise<{ number: string }> }) {
  const { number: raw } = await params;
  const user = await requireStaffPage('staff', `/admin/orders/${encodeURIComponent(raw)}`);
  const parsed = orderNumberSchema.safeParse(raw);
  const order = parsed.success ? await getStaffOrder(parsed.data) : null;
  if (!order) notFound();
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
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Items in this order</caption>
              <thead className="text-xs text-zinc-600">
                <tr>
                  <th scope="col" className="py-1">Product</th>
                  <th scope="col">SKU</th>
                  <th scope="col" className="text-right">Unit price</th>
                  <th scope="col" className="text-right">Qty</th>
                  <th scope="col" className="text-right">Shipped</th>
                  <th scope="col" className="text-right">Total</th>
                </tr>
              </thead>
              <tbody>
                {order.lines.map((line) => (
                  <tr key={line.id} className="border-t border-zinc-100">
                    <td className="py-2">
                      {line.productTitle} <span className="text-zinc-600">({line.variantTitle})</span>
                    </td>
                    <td className="font-mono text-xs">{line.sku}</td>
                    <td className="text-right">{fmt(line.unitPriceCents)}</td>
                    <td className="text-right">{line.quantity}</td>
                    <td className="text-right">{line.shippedQuantity}</td>
                    <td className="text-right">{fmt(line.totalCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <dl className="mt-4 ml-auto grid max-w-xs grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm" aria-label="Totals">
              <dt>Subtotal</dt>
              <dd className="text-right">{fmt(order.subtotalCents)}</dd>
              <dt>Discount{order.discountCode ? ` (${order.discountCode})` : ''}</dt>
              <dd className="text-right">{order.discountCents > 0 ? `−${fmt(order.discountCents)}` : fmt(0)}</dd>
              <dt>Shipping ({order.shippingMethod})</dt>
              <dd className="text-right">{fmt(order.shippingCents)}</dd>
              <dt>Tax{order.taxInclusive ? ' (included)' : ''}</dt>
              <dd className="text-right">{fmt(order.taxCents)}</dd>
              <dt className="font-semibold">Total</dt>
              <dd className="text-right font-semibold">{fmt(order.totalCents)}</dd>
              {order.refundedCents > 0 ? (
                <>
                  <dt>Refunded</dt>
                  <dd className="text-right">−{fmt(order.refundedCents)}</dd>
                </>
              ) : null}
            </dl>
          </section>

          <div className="grid gap-6 md:grid-cols-3">
            <section aria-labelledby="customer-heading" className="rounded-md border border-zinc-200 bg-white p-4 text-sm">
              <h2 id="customer-heading" className="mb-2 font-semibold">Customer</h2>
              <p>{order.customerName || order.shippingAddress.name}</p>
              <p>
                <a href={`mailto:${order.email}`} className="underline">{order.email}</a>
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

          <section aria-labelledby="shipments-heading" className="rounded-md border border-zinc-200 bg-white p-4 text-sm">
            <h2 id="shipments-heading" className="mb-2 text-lg font-semibold">Shipments</h2>
            {order.shipments.length === 0 ? <p className="text-zinc-600">Nothing has shipped yet.</p> : null}
            <ul aria-label="Shipments" className="flex flex-col gap-2">
              {order.shipments.map((shipment, i) => (
                <li key={i}>
                  <p>
                    {shipment.carrier} <span className="font-mono">{shipment.trackingNumber}</span> — {shipment.status === 'delivered' ? 'delivered' : 'shipped'} {when(shipment.shippedAt)}
                    {shipment.trackingUrl ? (
                      <>
                        {' '}
                        <a href={shipment.trackingUrl} className="underline" rel="noopener noreferrer" target="_blank">track</a>
                      </>
                    ) : null}
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
                <li key={i}>
                  <p>{event.message}</p>
                  <p className="text-xs text-zinc-600">
                    <time dateTime={event.createdAt}>{when(event.createdAt)}</time>
                    {event.actor ? ` · ${event.actor}` : ''}
                  </p>
                </li>
              ))}
            </ol>
          </section>
        </div>

        <aside>
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
