import { Price } from '@/components/ui/price';

type SummaryLine = { key: string; title: string; detail: string; quantity: number; totalCents: number };

export type SummaryTotals = {
  subtotalCents: number;
  discountCents: number;
  discountLabel?: string | null;
  shippingCents: number;
  shippingLabel?: string | null;
  taxCents: number;
  taxInclusive: boolean;
  totalCents: number;
};

/** Lines and totals, as the review step and the confirmation show them. */
export function OrderSummary({ lines, totals, currency, heading = 'Order summary' }: { lines: SummaryLine[]; totals: SummaryTotals; currency: string; heading?: string }) {
  const row = (label: string, cents: number, negative = false) => (
    <div className="flex justify-between">
      <dt>{label}</dt>
      <dd>
        {negative ? '−' : ''}
        <Price className="inline" amountCents={cents} currency={currency} />
      </dd>
    </div>
  );
  return (
    <section aria-labelledby="summary-heading" className="rounded-lg border border-zinc-200 p-4">
      <h2 id="summary-heading" className="text-lg font-semibold">
        {heading}
      </h2>
      <ul aria-label="Items" className="mt-3 divide-y divide-zinc-100 text-sm">
        {lines.map((line) => (
          <li key={line.key} className="flex justify-between gap-2 py-2">
            <span>
              {line.quantity} × {line.title} <span className="text-zinc-600">({line.detail})</span>
            </span>
            <Price className="inline" amountCents={line.totalCents} currency={currency} />
          </li>
        ))}
      </ul>
      <dl className="mt-3 flex flex-col gap-1 border-t border-zinc-200 pt-3 text-sm" data-testid="order-totals">
        {row('Subtotal', totals.subtotalCents)}
        {totals.discountCents > 0 ? row(`Discount${totals.discountLabel ? ` (${totals.discountLabel})` : ''}`, totals.discountCents, true) : null}
        {row(`Shipping${totals.shippingLabel ? ` (${totals.shippingLabel})` : ''}`, totals.shippingCents)}
        {row(totals.taxInclusive ? 'Tax included' : 'Tax', totals.taxCents)}
        <div className="flex justify-between border-t border-zinc-200 pt-2 text-base font-semibold">
          <dt>Total</dt>
          <dd>
            <Price className="inline" amountCents={totals.totalCents} currency={currency} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
