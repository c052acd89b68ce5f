import { IssueGiftCardForm } from '@/components/admin/gift-cards/issue-gift-card-form';
import { GiftCardTable } from '@/components/admin/gift-cards/gift-card-table';
import { EmptyState, formatDateTime } from '@/components/admin/people/pager';
import { requireStaffPage } from '@/lib/admin/guard';
import { listGiftCards } from '@/lib/gift-cards/queries';
import { getCachedMarkets } from '@/lib/markets/cache';
import { formatMoney, money } from '@/lib/money';

export const metadata = { title: 'Gift cards' };

export default async function GiftCardsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await requireStaffPage('admin', '/admin/gift-cards');
  const { q } = await searchParams;
  const [cards, markets] = await Promise.all([listGiftCards(typeof q === 'string' ? q.slice(0, 100) : null), getCachedMarkets()]);
  const currencies = [...new Set([...markets].sort((a, b) => Number(b.isDefault) - Number(a.isDefault)).map((market) => market.currency))];
  const fmt = (cents: number, currency: string) => formatMoney(money(cents, currency));
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">Gift cards</h1>
      <form role="search" aria-label="Gift cards" className="flex max-w-md gap-2">
        <label htmlFor="gift-card-search" className="sr-only">
          Last four characters or recipient email
        </label>
        <input id="gift-card-search" name="q" defaultValue={q ?? ''} placeholder="Last four or recipient email" className="w-full min-w-0 rounded-md border border-zinc-300 px-3 py-2" />
        <button type="submit" className="shrink-0 rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium hover:bg-zinc-50">
          Search
        </button>
      </form>
      <GiftCardTable
        rows={cards.map((card) => ({
          id: card.id,
          lastFour: card.lastFour,
          balance: fmt(card.balanceCents, card.currency),
          initial: fmt(card.initialCents, card.currency),
          status: card.status,
          recipient: card.recipientEmail ?? '',
          order: card.sourceOrderNumber,
          issued: formatDateTime(new Date(card.createdAt)),
        }))}
        empty={<EmptyState>{q ? 'No gift card matches.' : 'No gift cards yet. Sell them as a product of type "Gift card", or issue one below.'}</EmptyState>}
      />
      <section aria-labelledby="issue-gift-card-heading" className="max-w-xl rounded-lg border border-zinc-200 bg-white p-5">
        <h2 id="issue-gift-card-heading" className="mb-3 text-lg font-semibold">
          Issue a gift card
        </h2>
        <IssueGiftCardForm currencies={currencies} />
      </section>
    </div>
  );
}
