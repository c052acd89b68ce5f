import { useTranslations } from 'next-intl';
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
  const t = useTranslations('Order');
  const status = (['pending', 'paid', 'fulfilled', 'delivered', 'cancelled'] as const).find((known) => known === order.status);
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_380px]">
      <div className="flex flex-col gap-4 text-sm">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">{t('orderNumber')}</dt>
          <dd data-testid="order-number">{order.number}</dd>
          <dt className="font-medium">{t('placed')}</dt>
          <dd>
            <LocalTime iso={new Date(order.placedAt).toISOString()} timeStyle="short" />
          </dd>
          <dt className="font-medium">{t('status')}</dt>
          <dd>{status ? t(`statuses.${status}`) : order.status}</dd>
          <dt className="font-medium">{t('shipping')}</dt>
          <dd data-testid="fulfilment-status">{order.fulfilment}</dd>
          <dt className="font-medium">{t('payment')}</dt>
          <dd>{order.paymentStatus === 'paid' ? t('paid') : order.paymentProvider === 'manual' ? t('awaitingTransfer') : t('awaitingCard')}</dd>
          <dt className="font-medium">{t('email')}</dt>
          <dd>{order.email}</dd>
        </dl>
        <section aria-labelledby="ship-to-heading">
          <h2 id="ship-to-heading" className="font-semibold">
            {t('shippingTo')}
          </h2>
          <PostalAddress address={{ ...address, phone: null }} />
          <p className="mt-1">{t('method', { method: order.shippingMethod })}</p>
        </section>
        {order.shipments.length > 0 ? (
          <section aria-labelledby="shipments-heading">
            <h2 id="shipments-heading" className="font-semibold">
              {t('tracking')}
            </h2>
            <ul aria-label={t('shipments')} className="mt-1 flex flex-col gap-2">
              {order.shipments.map((shipment) => (
                <li key={`${shipment.carrier}-${shipment.trackingNumber}`} className="rounded-md border border-zinc-200 p-3">
                  <p>
                    {shipment.status === 'delivered' ? t('delivered') : t('shipped')}{' '}
                    <LocalTime iso={new Date(shipment.deliveredAt ?? shipment.shippedAt).toISOString()} /> {t('with')}{' '}
                    <span className="font-medium">{shipment.carrier}</span>
                  </p>
                  <p>
                    {t('trackingNumber')}{' '}
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
