import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StripePayment } from '@/components/checkout/stripe-payment';
import { GuestAccountOffer } from '@/components/checkout/guest-account-offer';
import { OrderDetailView } from '@/components/orders/order-detail';
import { Link } from '@/components/ui/link';
import { getSessionUser } from '@/lib/auth/session';
import { getCachedStoreInfo } from '@/lib/catalog/cache';
import { env } from '@/lib/env';
import { logger } from '@/lib/log';
import { formatMoney, money } from '@/lib/money';
import { stripePublishableKey } from '@/lib/payments/providers';
import { getStripeClientSecret } from '@/lib/payments/service';
import { readReceipt } from '@/lib/checkout/receipt';
import { getOrderById } from '@/lib/orders/queries';
import type { OrderDetail } from '@/lib/orders/types';

export const metadata: Metadata = { title: 'Thank you for your order', robots: { index: false } };

/** What the page may say about the confirmation email: "sent" only once the SMTP server took it (the outbox knows). */
function emailNotice(order: OrderDetail): string {
  switch (order.confirmationEmail) {
    case 'sent':
      return `A confirmation email has been sent to ${order.email}.`;
    case 'stored':
    case 'failed':
      return `We could not email a confirmation to ${order.email}. Your order is placed: keep your order number, ${order.number}, to look it up.`;
    default:
      return `A confirmation email is on its way to ${order.email}.`;
  }
}

// Only the buyer's browser holds the signed receipt cookie; anyone else gets a 404.
export default async function ConfirmationPage() {
  const orderId = await readReceipt();
  const order = orderId ? await getOrderById(orderId) : null;
  if (!order) notFound();
  const [store, user] = await Promise.all([getCachedStoreInfo(), getSessionUser()]);
  const publishableKey = order.paymentProvider === 'stripe' ? stripePublishableKey() : null;
  const clientSecret =
    publishableKey && order.paymentStatus === 'unpaid'
      ? await getStripeClientSecret(orderId!).catch((error: unknown) => {
          logger.error({ err: error }, 'could not load the payment intent');
          return null;
        })
      : null;
  const awaitingTransfer = order.paymentProvider === 'manual' && order.paymentStatus === 'unpaid';
  return (
    <section aria-labelledby="confirmation-heading" className="flex flex-col gap-6">
      <div>
        <h1 id="confirmation-heading" className="text-2xl font-bold">
          Thank you for your order!
        </h1>
        <p role="status" className="mt-2">
          {emailNotice(order)}
        </p>
      </div>
      {awaitingTransfer ? (
        <section aria-labelledby="payment-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="payment-heading" className="font-semibold">
            How to pay
          </h2>
          <p className="mt-2 text-sm">
            Please pay <strong>{formatMoney(money(order.totalCents, order.currency))}</strong> and quote <strong>{order.number}</strong> as the reference. We ship once
            the payment has arrived.
          </p>
          <p className="mt-2 whitespace-pre-line text-sm" data-testid="payment-instructions">
            {store.paymentInstructions ?? 'We will email you the bank details for the transfer shortly.'}
          </p>
        </section>
      ) : null}
      {publishableKey && clientSecret ? (
        <StripePayment publishableKey={publishableKey} clientSecret={clientSecret} returnUrl={new URL('/checkout/confirmation', env.SITE_URL).toString()} />
      ) : null}
      <OrderDetailView order={order} />
      <div className="flex flex-wrap items-center gap-4">
        <Link href="/" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
          Continue shopping
        </Link>
        <Link href="/orders/lookup" className="text-sm underline">
          Look up an order
        </Link>
      </div>
      {user ? null : <GuestAccountOffer name={order.shippingAddress.name} email={order.email} />}
    </section>
  );
}
