import { ActionForm } from '@/components/ui/action-form';
import { BalanceLedger } from './balance-ledger';
import { adjustStoreCreditAction } from '@/lib/admin/gift-cards/actions';
import type { CustomerCreditView } from '@/lib/gift-cards/types';
import { formatMoney, money } from '@/lib/money';

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
        <BalanceLedger label="Store credit ledger" entries={credit.ledger} />
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
