import Link from 'next/link';
import type { CustomerCreditView } from '@/lib/gift-cards/types';
import { formatMoney, money } from '@/lib/money';

const KIND: Record<string, string> = { issue: 'Added', redeem: 'Used on order', refund: 'Given back', adjust: 'Adjusted' };

/** The account's store credit: what there is per currency (it pays at checkout), and the last few changes. */
export function StoreCreditSummary({ credit }: { credit: CustomerCreditView }) {
  const fmt = (cents: number, currency: string) => formatMoney(money(cents, currency));
  const recent = credit.ledger.slice(0, 5);
  return (
    <section aria-labelledby="store-credit-heading" className="rounded-lg border border-zinc-200 p-4">
      <h2 id="store-credit-heading" className="text-lg font-semibold">
        Store credit
      </h2>
      <p className="mt-1 text-sm" data-testid="store-credit-balance">
        {credit.balances.some((balance) => balance.balanceCents > 0)
          ? `${credit.balances.filter((balance) => balance.balanceCents > 0).map((balance) => fmt(balance.balanceCents, balance.currency)).join(' · ')} — use it at checkout.`
          : 'You have no store credit.'}
      </p>
      {recent.length > 0 ? (
        <ul aria-label="Recent store credit changes" className="mt-2 text-sm text-zinc-700">
          {recent.map((entry) => (
            <li key={entry.id}>
              {KIND[entry.kind]}
              {entry.orderNumber ? ` (${entry.orderNumber})` : ''}: {entry.amountCents < 0 ? '−' : '+'}
              {fmt(Math.abs(entry.amountCents), entry.currency)}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-2 text-sm">
        <Link href="/gift-cards/balance" className="underline">
          Check a gift card balance
        </Link>
      </p>
    </section>
  );
}
