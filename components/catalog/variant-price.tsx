'use client';

import { useTranslations } from 'next-intl';
import { Price } from '@/components/ui/price';
import { useVariantSelection } from './variant-selection';

/** The chosen variant's price and SKU; the product's price range while no existing combination is chosen. */
export function VariantPrice({ range }: { range: { minCents: number; maxCents: number; currency: string } }) {
  const { variant } = useVariantSelection();
  const t = useTranslations('Product');
  return (
    <div className="space-y-1">
      {variant ? (
        <Price className="text-2xl" amountCents={variant.priceCents} currency={variant.currency} compareAtCents={variant.compareAtPriceCents} />
      ) : (
        <Price className="text-2xl" amountCents={range.minCents} maxCents={range.maxCents} currency={range.currency} />
      )}
      {variant ? <p className="text-xs text-zinc-600">{t('sku', { sku: variant.sku })}</p> : null}
    </div>
  );
}
