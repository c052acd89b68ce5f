import { Badge } from '@/components/ui/badge';
import { formatMoney, money } from '@/lib/money';

/** Marks a customer record that has no account: a guest buyer's email. */
export function GuestBadge() {
  return (
    <span className="ml-2">
      <Badge tone="warning">Guest</Badge>
    </span>
  );
}

/** What a customer has spent (paid orders, net of refunds), one figure per currency they bought in. */
export function AmountSpentText({ amounts }: { amounts: readonly { currency: string; amountCents: number }[] }) {
  if (amounts.length === 0) return <>None yet</>;
  return <>{amounts.map((amount) => formatMoney(money(amount.amountCents, amount.currency))).join(' + ')}</>;
}
