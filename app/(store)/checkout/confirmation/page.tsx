import { getLocale, getTranslations } from 'next-intl/server';
import { INTL_LOCALES, isLocale } from '@/lib/i18n/config';
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Order');
  return { title: t('thanks'), robots: { index: false } };
}

type Translate = Awaited<ReturnType<typeof getTranslations<'Order'>>>;

/** What the page may say about the confirmation email: "sent" only once the SMTP server took it (the outbox knows). */
function emailNotice(order: OrderDetail, t: Translate): string {
  switch (order.confirmationEmail) {
    case 'sent':
      return t('emailSent', { email: order.email });
    case 'stored':
    case 'failed':
      return t('emailFailed', { email: order.email, number: order.number });
    default:
      return t('emailPending', { email: order.email });
  }
}

// Only the buyer's browser holds the signed receipt cookie; anyone else gets a 404.
export default async function ConfirmationPage() {
  const orderId = await readReceipt();
  const order = orderId ? await getOrderById(orderId) : null;
  if (!order) notFound();
  const [store, user, t, locale] = await Promise.all([getCachedStoreInfo(), getSessionUser(), getTranslations('Order'), getLocale()]);
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
          {t('thanks')}
        </h1>
        <p role="status" className="mt-2">
          {emailNotice(order, t)}
        </p>
      </div>
      {awaitingTransfer ? (
        <section aria-labelledby="payment-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="payment-heading" className="font-semibold">
            {t('howToPay')}
          </h2>
          <p className="mt-2 text-sm">
            {t.rich('pleasePay', {
              amount: formatMoney(money(order.totalCents, order.currency), INTL_LOCALES[isLocale(locale) ? locale : 'en']),
              number: order.number,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <p className="mt-2 whitespace-pre-line text-sm" data-testid="payment-instructions">
            {store.paymentInstructions ?? t('bankDetailsSoon')}
          </p>
        </section>
      ) : null}
      {publishableKey && clientSecret ? (
        <StripePayment publishableKey={publishableKey} clientSecret={clientSecret} returnUrl={new URL('/checkout/confirmation', env.SITE_URL).toString()} />
      ) : null}
      <OrderDetailView order={order} />
      <div className="flex flex-wrap items-center gap-4">
        <Link href="/" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
          {t('continueShopping')}
        </Link>
        <Link href="/orders/lookup" className="text-sm underline">
          {t('lookUp')}
        </Link>
      </div>
      {user ? null : <GuestAccountOffer name={order.shippingAddress.name} email={order.email} />}
    </section>
  );
}
