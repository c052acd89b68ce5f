import { useTranslations } from 'next-intl';
import { useFormatMoney } from './use-format-money';

type PriceProps = {
  amountCents: number;
  currency: string;
  /** Shown struck through when higher than the price. */
  compareAtCents?: number | null;
  /** When the product's variants differ in price, the card says "From". */
  maxCents?: number;
  className?: string;
};

export function Price({ amountCents, currency, compareAtCents, maxCents, className }: PriceProps) {
  const t = useTranslations('Price');
  const format = useFormatMoney();
  const price = format(amountCents, currency);
  const isRange = maxCents !== undefined && maxCents > amountCents;
  const onSale = compareAtCents !== null && compareAtCents !== undefined && compareAtCents > amountCents;
  return (
    <p className={className}>
      {isRange ? <span className="text-zinc-600">{t('from')} </span> : null}
      <span className={onSale ? 'font-semibold text-red-700' : 'font-semibold'}>{price}</span>
      {onSale ? (
        <>
          {' '}
          <span className="sr-only">{t('was')} </span>
          <s className="text-sm text-zinc-500">{format(compareAtCents, currency)}</s>
        </>
      ) : null}
    </p>
  );
}
