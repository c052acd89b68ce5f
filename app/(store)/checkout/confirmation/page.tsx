import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StripePayment } from '@/components/checkout/stripe-payment';
import { OrderDetailView } from '@/components/orders/order-detail';
import { env } from '@/lib/env';
import { logger } from '@/lib/log';
import { stripePublishableKey } from '@/lib/payments/providers';
import { getStripeClientSecret } from '@/lib/payments/service';
import { readReceipt } from '@/lib/checkout/receipt';
import { getOrderById } from '@/lib/orders/queries';

export const metadata: Metadata = { title: 'Thank you for your order', robots: { index: false } };

// Only the buyer's browser holds the signed receipt cookie; anyone else gets a 404.
export default async function ConfirmationPage() {
  const orderId = await readReceipt();
  const order = orderId ? await getOrderById(orderId) : null;
  if (!order) notFound();
  const publishableKey = order.paymentProvider === 'stripe' ? stripePublishableKey() : null;
  const clientSecret =
    publishableKey && order.paymentStatus === 'unpaid'
      ? await getStripeClientSecret(orderId!).catch((error: unknown) => {
          logger.error({ err: error }, 'could not load the payment intent');
          return null;
        })
      : null;
  const emailed = order.confirmationEmail === 'sent' || order.confirmationEmail === 'stored';
  return (
    <section aria-labelledby="confirmation-heading" className="flex flex-col gap-6">
      <div>
        <h1 id="confirmation-heading" className="text-2xl font-bold">
          Thank you for your order!
        </h1>
        <p role="status" className="mt-2">
          {emailed ? `A confirmation email has been sent to ${order.email}.` : `A confirmation email is on its way to ${order.email}.`}
        </p>
        {order.paymentProvider === 'manual' && order.paymentStatus === 'unpaid' ? (
          <p className="mt-2 text-sm text-zinc-700">
            Payment instructions follow by email; we ship once payment has arrived. Quote {order.number} as the reference.
          </p>
        ) : null}
      </div>
      {publishableKey && clientSecret ? (
        <StripePayment publishableKey={publishableKey} clientSecret={clientSecret} returnUrl={new URL('/checkout/confirmation', env.SITE_URL).toString()} />
      ) : null}
      <OrderDetailView order={order} />
    </section>
  );
}
