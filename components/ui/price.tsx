import { formatMoney, money } from '@/lib/money';

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
  const price = formatMoney(money(amountCents, currency));
  const isRange = maxCents !== undefined && maxCents > amountCents;
  const onSale = compareAtCents !== null && compareAtCents !== undefined && compareAtCents > amountCents;
  return (
    <p className={className}>
      {isRange ? <span className="text-zinc-600">From </span> : null}
      <span className={onSale ? 'font-semibold text-red-700' : 'font-semibold'}>{price}</span>
      {onSale ? (
        <>
          {' '}
          <span className="sr-only">, was </span>
          <s className="text-sm text-zinc-500">{formatMoney(money(compareAtCents, currency))}</s>
        </>
      ) : null}
    </p>
  );
}
