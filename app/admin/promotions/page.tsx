import Link from 'next/link';
import { z } from 'zod';
import { ActionForm } from '@/components/ui/action-form';
import { ListFilters } from '@/components/ui/list-filters';
import { EmptyState, formatDateTime } from '@/components/admin/people/pager';
import { promotionFields } from '@/components/admin/promotions/promotion-fields';
import { PromotionTable } from '@/components/admin/promotions/promotion-table';
import { deletePromotionAction, savePromotionAction } from '@/lib/admin/promotions/actions';
import { requireStaffPage } from '@/lib/admin/guard';
import { formatMoney, money } from '@/lib/money';
import { getPromotion, listPromotionChoices, listPromotionsPage, promotionListQuerySchema } from '@/lib/promotions/queries';
import { getStoreSettings } from '@/lib/store/service';

export const metadata = { title: 'Promotions' };

const GIVES: Record<string, string> = { percent: 'Percentage off', fixed: 'Amount off', free_shipping: 'Free shipping', buy_x_get_y: 'Buy X get Y', tiered: 'Tiered' };
const WHO: Record<string, string> = { everyone: 'Everyone', signed_in: 'Signed in', group: 'Group', first_order: 'First order' };

export default async function PromotionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaffPage('admin', '/admin/promotions');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = promotionListQuerySchema.parse(raw);
  const editId = z.uuid().safeParse(raw.edit).success ? raw.edit! : null;
  const [result, settings, choices, editing] = await Promise.all([listPromotionsPage(query), getStoreSettings(), listPromotionChoices(), editId ? getPromotion(editId) : null]);
  const currency = settings?.currency ?? 'USD';
  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <h1 className="text-2xl font-bold tracking-tight">Promotions</h1>
        <p className="text-sm text-zinc-600">
          Automatic discounts and offers. Restrict them to a <Link href="/admin/customer-groups" className="underline">customer group</Link>; discount codes stay under{' '}
          <Link href="/admin/discounts" className="underline">Discounts</Link> and apply after promotions.
        </p>
        <ListFilters label="Filter promotions" idPrefix="promotions" fields={[{ kind: 'search', name: 'q', label: 'Name' }]} />
        <p role="status" className="text-sm text-zinc-600">
          {result.total === 0 ? 'No promotions' : `${result.total} promotion${result.total === 1 ? '' : 's'}`}
          {query.q ? ' match this search' : ''}
        </p>
        <PromotionTable
          page={result.page}
          pageCount={result.pageCount}
          empty={<EmptyState>{query.q ? 'No promotions match this search.' : 'No promotions yet.'}</EmptyState>}
          rows={result.items.map((promotion) => ({
            id: promotion.id,
            title: promotion.title,
            gives: GIVES[promotion.actionKind] ?? promotion.actionKind,
            who: promotion.eligibility === 'group' ? `Group: ${promotion.groupName ?? '—'}` : (WHO[promotion.eligibility] ?? promotion.eligibility),
            how: promotion.code ? `Code ${promotion.code}` : 'Automatic',
            used: `${promotion.timesUsed}${promotion.usageLimit !== null ? ` of ${promotion.usageLimit}` : ''}`,
            given: formatMoney(money(promotion.discountCents, currency)),
            valid: promotion.startsAt || promotion.endsAt ? `${formatDateTime(promotion.startsAt)} → ${formatDateTime(promotion.endsAt)}` : 'Always',
            active: promotion.isActive,
          }))}
        />
      </div>
      {editing ? (
        <section aria-labelledby="edit-promotion-heading" className="space-y-4 rounded-lg border border-zinc-200 bg-white p-5">
          <h2 id="edit-promotion-heading" className="text-lg font-semibold">
            Edit “{editing.title}”
          </h2>
          <p className="text-sm">
            Used {editing.timesUsed} {editing.timesUsed === 1 ? 'time' : 'times'}
            {editing.usageLimit !== null ? ` of ${editing.usageLimit}` : ''}. <Link href="/admin/promotions" className="underline">Close</Link>
          </p>
          <ActionForm
            action={savePromotionAction}
            label="Edit promotion"
            idPrefix="promotion"
            fields={promotionFields(currency, choices, editing)}
            submitLabel="Save promotion"
            pendingLabel="Saving…"
            successMessage="Promotion saved."
          />
          {editing.timesUsed === 0 ? (
            <ActionForm
              action={deletePromotionAction}
              label="Delete promotion"
              idPrefix="promotion-delete"
              fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: editing.id }]}
              submitLabel="Delete promotion"
              pendingLabel="Deleting…"
              variant="secondary"
              successMessage="Promotion deleted."
            />
          ) : (
            <p className="text-sm text-zinc-600">Orders used this promotion, so it is kept for their history; untick Active to stop it.</p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="new-promotion-heading" className="rounded-lg border border-zinc-200 bg-white p-5">
        <h2 id="new-promotion-heading" className="mb-3 text-lg font-semibold">
          New promotion
        </h2>
        <ActionForm
          action={savePromotionAction}
          label="New promotion"
          idPrefix="new-promotion"
          fields={promotionFields(currency, choices)}
          submitLabel="Create promotion"
          pendingLabel="Creating…"
          successMessage="Promotion created."
        />
      </section>
    </div>
  );
}
