import Link from 'next/link';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatDateTime } from '@/components/admin/people/pager';
import type { LedgerEntryView } from '@/lib/gift-cards/types';
import { formatMoney, money } from '@/lib/money';

const KIND: Record<LedgerEntryView['kind'], string> = { issue: 'Issued', redeem: 'Spent on order', refund: 'Given back', adjust: 'Adjusted' };

/**
 * A balance's ledger (a gift card's, or a customer's store credit): each movement signed, the balance after it, the
 * order it was for (a link) or the staff's reason, and who made it where that is known.
 */
export function BalanceLedger({ label, entries, showActor = false }: { label: string; entries: (LedgerEntryView & { currency: string; actorEmail?: string | null })[]; showActor?: boolean }) {
  const fmt = (cents: number, currency: string) => formatMoney(money(cents, currency));
  return (
    <ScrollRegion label={`${label}, table`}>
      <table className="w-full bg-white text-sm">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr className="border-b border-zinc-200 text-left">
            <th scope="col" className="p-2">When</th>
            <th scope="col" className="p-2">What</th>
            <th scope="col" className="p-2 text-right">Amount</th>
            <th scope="col" className="p-2 text-right">Balance after</th>
            <th scope="col" className="p-2">Reason / order</th>
            {showActor ? <th scope="col" className="p-2">By</th> : null}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-b border-zinc-100">
              <td className="whitespace-nowrap p-2">{formatDateTime(new Date(entry.createdAt))}</td>
              <td className="p-2">{KIND[entry.kind]}</td>
              <td className="whitespace-nowrap p-2 text-right">{entry.amountCents < 0 ? `−${fmt(-entry.amountCents, entry.currency)}` : `+${fmt(entry.amountCents, entry.currency)}`}</td>
              <td className="whitespace-nowrap p-2 text-right">{fmt(entry.balanceAfterCents, entry.currency)}</td>
              <td className="p-2">
                {entry.orderNumber ? (
                  <Link href={`/admin/orders/${entry.orderNumber}`} className="underline">
                    {entry.orderNumber}
                  </Link>
                ) : (
                  (entry.reason ?? '')
                )}
              </td>
              {showActor ? <td className="break-all p-2">{entry.actorEmail ?? '—'}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
