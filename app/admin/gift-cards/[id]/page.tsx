import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { BalanceLedger } from '@/components/admin/gift-cards/balance-ledger';
import { formatDateTime } from '@/components/admin/people/pager';
import { requireStaffPage } from '@/lib/admin/guard';
import { adjustGiftCardAction, setGiftCardDisabledAction } from '@/lib/admin/gift-cards/actions';
import { getGiftCardDetail } from '@/lib/gift-cards/queries';
import { formatMoney, money } from '@/lib/money';

export const metadata = { title: 'Gift card' };

export default async function GiftCardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaffPage('admin', `/admin/gift-cards/${id}`);
  const card = /^[0-9a-f-]{36}$/i.test(id) ? await getGiftCardDetail(id) : null;
  if (!card) notFound();
  const fmt = (cents: number) => formatMoney(money(cents, card.currency));
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/gift-cards" className="text-sm underline">
          ← Gift cards
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Gift card •••• {card.lastFour}</h1>
        <Badge tone={card.status === 'active' ? 'success' : card.status === 'disabled' ? 'danger' : 'warning'}>{card.status}</Badge>
      </div>
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Balance</dt>
        <dd data-testid="gift-card-balance">{fmt(card.balanceCents)}</dd>
        <dt className="font-medium">Issued for</dt>
        <dd>{fmt(card.initialCents)}</dd>
        <dt className="font-medium">Valid until</dt>
        <dd>{card.expiresAt ? formatDateTime(new Date(card.expiresAt)) : 'No expiry'}</dd>
        <dt className="font-medium">Recipient</dt>
        <dd className="break-all">{card.recipientEmail ? `${card.recipientName ? `${card.recipientName} · ` : ''}${card.recipientEmail}` : '—'}</dd>
        <dt className="font-medium">Bought in</dt>
        <dd>{card.sourceOrderNumber ? <Link href={`/admin/orders/${card.sourceOrderNumber}`} className="underline">{card.sourceOrderNumber}</Link> : 'Issued by staff'}</dd>
      </dl>
      <section aria-labelledby="ledger-heading">
        <h2 id="ledger-heading" className="mb-2 text-lg font-semibold">
          Ledger
        </h2>
        <BalanceLedger label="Gift card ledger" entries={card.ledger.map((entry) => ({ ...entry, currency: card.currency }))} showActor />
      </section>
      <section aria-labelledby="adjust-heading" className="max-w-xl rounded-lg border border-zinc-200 bg-white p-5">
        <h2 id="adjust-heading" className="mb-3 text-lg font-semibold">
          Adjust the balance
        </h2>
        <ActionForm
          action={adjustGiftCardAction}
          label="Adjust the balance"
          idPrefix="adjust-gift-card"
          fields={[
            { name: 'id', label: 'Card', type: 'hidden', defaultValue: card.id },
            { name: 'amount', label: `Amount (${card.currency})`, inputMode: 'decimal', required: true, hint: 'Positive adds, negative (e.g. -5.00) takes away. Never below zero.' },
            { name: 'reason', label: 'Reason', required: true },
          ]}
          submitLabel="Adjust balance"
          pendingLabel="Adjusting…"
        />
      </section>
      <section aria-labelledby="disable-heading" className="max-w-xl rounded-lg border border-zinc-200 bg-white p-5">
        <h2 id="disable-heading" className="mb-3 text-lg font-semibold">
          {card.status === 'disabled' ? 'Enable the card' : 'Disable the card'}
        </h2>
        <p className="mb-3 text-sm text-zinc-600">A disabled card cannot pay for anything; its balance is kept.</p>
        <ActionForm
          action={setGiftCardDisabledAction}
          label={card.status === 'disabled' ? 'Enable the card' : 'Disable the card'}
          idPrefix="disable-gift-card"
          fields={[
            { name: 'id', label: 'Card', type: 'hidden', defaultValue: card.id },
            { name: 'disabled', label: 'Disabled', type: 'hidden', defaultValue: card.status === 'disabled' ? 'false' : 'true' },
          ]}
          submitLabel={card.status === 'disabled' ? 'Enable card' : 'Disable card'}
          pendingLabel="Saving…"
          variant="secondary"
        />
      </section>
    </div>
  );
}
