import { Fragment } from 'react';
import { useTranslations } from 'next-intl';
import { Image } from '@/components/ui/image';
import { Price } from '@/components/ui/price';

type SummaryLine = { key: string; title: string; detail: string; quantity: number; totalCents: number; imageUrl?: string | null; imageAlt?: string };

export type SummaryTotals = {
  subtotalCents: number;
  discountCents: number;
  discountLabel?: string | null;
  /** Promotions inside discountCents, each shown on its own row; the rest of discountCents is the code's. */
  promotions?: readonly { title: string; amountCents: number }[];
  shippingCents: number;
  shippingLabel?: string | null;
  taxCents: number;
  taxInclusive: boolean;
  totalCents: number;
};

/** Lines and totals, as the checkout and the order pages show them. */
export function OrderSummary({
  lines,
  totals,
  currency,
  heading,
  busy = false,
  totalsTestId = 'order-totals',
  tenders,
}: {
  /** Gift cards and store credit taking part of the total, and what is left to pay (the checkout's quote). */
  tenders?: { giftCards: { lastFour: string; amountCents: number }[]; storeCredit: { appliedCents: number } | null; amountDueCents: number };
  lines: SummaryLine[];
  totals: SummaryTotals;
  currency: string;
  /** Null: no heading nor frame of its own, for a panel that its opener names (the checkout's summary bar on phones). */
  heading?: string | null;
  /** Being re-priced: the figures are about to change. */
  busy?: boolean;
  /** A second copy on the page needs its own. */
  totalsTestId?: string;
}) {
  const t = useTranslations('Checkout');
  const row = (label: string, cents: number, negative = false) => (
    <div className="flex justify-between gap-3">
      <dt className="min-w-0 [overflow-wrap:anywhere]">{label}</dt>
      <dd className="shrink-0">
        {negative ? '−' : ''}
        <Price className="inline" amountCents={cents} currency={currency} />
      </dd>
    </div>
  );
  const codeDiscountCents = totals.discountCents - (totals.promotions ?? []).reduce((sum, promotion) => sum + promotion.amountCents, 0);
  const body = (
    <>
      <ul aria-label={t('items')} className="divide-y divide-zinc-100 text-sm">
        {lines.map((line) => (
          <li key={line.key} className="flex items-center justify-between gap-3 py-2">
            {line.imageUrl !== undefined ? (
              <div className="h-12 w-12 shrink-0 overflow-hidden rounded bg-zinc-100">
                {line.imageUrl ? <Image src={line.imageUrl} alt={line.imageAlt ?? ''} width={48} height={48} className="h-full w-full object-cover" /> : null}
              </div>
            ) : null}
            <span className="min-w-0 flex-1 [overflow-wrap:anywhere]">
              {line.quantity} × {line.title} <span className="text-zinc-600">({line.detail})</span>
            </span>
            <Price className="inline shrink-0" amountCents={line.totalCents} currency={currency} />
          </li>
        ))}
      </ul>
      <dl className={`mt-3 flex flex-col gap-1 border-t border-zinc-200 pt-3 text-sm ${busy ? 'opacity-60' : ''}`} aria-busy={busy || undefined} data-testid={totalsTestId}>
        {row(t('subtotal'), totals.subtotalCents)}
        {(totals.promotions ?? []).filter((promotion) => promotion.amountCents > 0).map((promotion) => (
          <Fragment key={promotion.title}>{row(promotion.title, promotion.amountCents, true)}</Fragment>
        ))}
        {codeDiscountCents > 0 ? row(totals.discountLabel ? t('discountWith', { code: totals.discountLabel }) : t('discount'), codeDiscountCents, true) : null}
        {row(totals.shippingLabel ? t('shippingWith', { rate: totals.shippingLabel }) : t('shipping'), totals.shippingCents)}
        {row(totals.taxInclusive ? t('taxIncluded') : t('tax'), totals.taxCents)}
        <div className="flex justify-between border-t border-zinc-200 pt-2 text-base font-semibold">
          <dt>{t('totalRow')}</dt>
          <dd>
            <Price className="inline" amountCents={totals.totalCents} currency={currency} />
          </dd>
        </div>
        {tenders && (tenders.giftCards.some((card) => card.amountCents > 0) || (tenders.storeCredit?.appliedCents ?? 0) > 0) ? (
          <>
            {tenders.giftCards.filter((card) => card.amountCents > 0).map((card) => (
              <Fragment key={card.lastFour}>{row(`Gift card •••• ${card.lastFour}`, card.amountCents, true)}</Fragment>
            ))}
            {tenders.storeCredit && tenders.storeCredit.appliedCents > 0 ? row('Store credit', tenders.storeCredit.appliedCents, true) : null}
            <div className="flex justify-between border-t border-zinc-200 pt-2 text-base font-semibold">
              <dt>To pay</dt>
              <dd>
                <Price className="inline" amountCents={tenders.amountDueCents} currency={currency} />
              </dd>
            </div>
          </>
        ) : null}
      </dl>
    </>
  );
  if (heading === null) return body;
  const title = heading ?? t('orderSummary');
  return (
    <section aria-labelledby="summary-heading" className="rounded-lg border border-zinc-200 p-4">
      <h2 id="summary-heading" className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {body}
    </section>
  );
}
