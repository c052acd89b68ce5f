import { ActionForm } from '@/components/ui/action-form';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatDateTime } from '@/components/admin/people/pager';
import { adjustStoreCreditAction } from '@/lib/admin/gift-cards/actions';
import type { CustomerCreditView } from '@/lib/gift-cards/types';
import { formatMoney, money } from '@/lib/money';

const KIND: Record<string, string> = { issue: 'Issued', redeem: 'Spent on order', refund: 'Given back', adjust: 'Adjusted' };

/** A customer's store credit on their admin page: balances per currency, the ledger, and a form to give or take. */
export function StoreCreditPanel({ customerId, credit, currencies }: { customerId: string; credit: CustomerCreditView; currencies: string[] }) {
  const fmt = (cents: number, currency: string) => formatMoney(money(cents, currency));
  return (
    <section aria-labelledby="store-credit-heading" className="space-y-3">
      <h2 id="store-credit-heading" className="text-lg font-semibold">
        Store credit
      </h2>
      <p className="text-sm" data-testid="store-credit-balance">
        {credit.balances.length === 0 ? 'No store credit.' : credit.balances.map((balance) => fmt(balance.balanceCents, balance.currency)).join(' · ')}
      </p>
      {credit.ledger.length > 0 ? (
        <ScrollRegion label="Store credit ledger, table">
          <table className="w-full bg-white text-sm">
            <thead>
              <tr className="border-b border-zinc-200 text-left">
                <th scope="col" className="p-2">When</th>
                <th scope="col" className="p-2">What</th>
                <th scope="col" className="p-2 text-right">Amount</th>
                <th scope="col" className="p-2 text-right">Balance after</th>
                <th scope="col" className="p-2">Reason / order</th>
              </tr>
            </thead>
            <tbody>
              {credit.ledger.map((entry) => (
                <tr key={entry.id} className="border-b border-zinc-100">
                  <td className="whitespace-nowrap p-2">{formatDateTime(new Date(entry.createdAt))}</td>
                  <td className="p-2">{KIND[entry.kind]}</td>
                  <td className="whitespace-nowrap p-2 text-right">{entry.amountCents < 0 ? `−${fmt(-entry.amountCents, entry.currency)}` : `+${fmt(entry.amountCents, entry.currency)}`}</td>
                  <td className="whitespace-nowrap p-2 text-right">{fmt(entry.balanceAfterCents, entry.currency)}</td>
                  <td className="p-2">{entry.orderNumber ?? entry.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      <div className="rounded-md border border-zinc-200 bg-white p-4">
        <ActionForm
          action={adjustStoreCreditAction}
          label="Give or take store credit"
          idPrefix="store-credit"
          fields={[
            { name: 'customerId', label: 'Customer', type: 'hidden', defaultValue: customerId },
            { name: 'currency', label: 'Currency', type: 'select', options: currencies.map((code) => ({ value: code, label: code })), defaultValue: currencies[0], required: true },
            { name: 'amount', label: 'Amount', inputMode: 'decimal', required: true, hint: 'Positive gives credit, negative (e.g. -5.00) takes it away. Never below zero.' },
            { name: 'reason', label: 'Reason', required: true },
          ]}
          submitLabel="Update store credit"
          pendingLabel="Saving…"
          variant="secondary"
        />
      </div>
    </section>
  );
}
