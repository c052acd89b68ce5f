import { OrderSummary } from '@/components/checkout/order-summary';
import { LocalTime } from '@/components/ui/local-time';
import { PostalAddress } from './postal-address';
import type { OrderDetail } from '@/lib/orders/types';

const STATUS_LABELS: Record<string, string> = {
  pending: 'Received',
  paid: 'Paid',
  fulfilled: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
};

export function orderStatusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

/** An order as its owner sees it. Takes the DTO only. */
export function OrderDetailView({ order }: { order: OrderDetail }) {
  const address = order.shippingAddress;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_380px]">
      <div className="flex flex-col gap-4 text-sm">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">Order number</dt>
          <dd data-testid="order-number">{order.number}</dd>
          <dt className="font-medium">Placed</dt>
          <dd>
            <LocalTime iso={new Date(order.placedAt).toISOString()} timeStyle="short" />
          </dd>
          <dt className="font-medium">Status</dt>
          <dd>{orderStatusLabel(order.status)}</dd>
          <dt className="font-medium">Shipping</dt>
          <dd data-testid="fulfilment-status">{order.fulfilment}</dd>
          <dt className="font-medium">Payment</dt>
          <dd>{order.paymentStatus === 'paid' ? 'Paid' : order.paymentProvider === 'manual' ? 'Awaiting payment (bank transfer)' : 'Awaiting card payment'}</dd>
          <dt className="font-medium">Email</dt>
          <dd>{order.email}</dd>
        </dl>
        <section aria-labelledby="ship-to-heading">
          <h2 id="ship-to-heading" className="font-semibold">
            Shipping to
          </h2>
          <PostalAddress address={{ ...address, phone: null }} />
          <p className="mt-1">Method: {order.shippingMethod}</p>
        </section>
        {order.shipments.length > 0 ? (
          <section aria-labelledby="shipments-heading">
            <h2 id="shipments-heading" className="font-semibold">
              Tracking
            </h2>
            <ul aria-label="Shipments" className="mt-1 flex flex-col gap-2">
              {order.shipments.map((shipment) => (
                <li key={`${shipment.carrier}-${shipment.trackingNumber}`} className="rounded-md border border-zinc-200 p-3">
                  <p>
                    {shipment.status === 'delivered' ? 'Delivered' : 'Shipped'}{' '}
                    <LocalTime iso={new Date(shipment.deliveredAt ?? shipment.shippedAt).toISOString()} /> with{' '}
                    <span className="font-medium">{shipment.carrier}</span>
                  </p>
                  <p>
                    Tracking number:{' '}
                    {shipment.trackingUrl ? (
                      <a href={shipment.trackingUrl} className="font-mono underline" rel="noopener noreferrer" target="_blank">
                        {shipment.trackingNumber}
                      </a>
                    ) : (
                      <span className="font-mono">{shipment.trackingNumber}</span>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <OrderSummary
        currency={order.currency}
        lines={order.lines.map((line, i) => ({ key: `${line.sku}-${i}`, title: line.productTitle, detail: line.variantTitle, quantity: line.quantity, totalCents: line.unitPriceCents * line.quantity }))}
        totals={{
          subtotalCents: order.subtotalCents,
          discountCents: order.discountCents,
          discountLabel: order.discountCode,
          promotions: order.promotions,
          shippingCents: order.shippingCents,
          shippingLabel: order.shippingMethod,
          taxCents: order.taxCents,
          taxInclusive: order.taxInclusive,
          totalCents: order.totalCents,
        }}
      />
    </div>
  );
}
