import { ActionForm } from '@/components/ui/action-form';
import { ListFilters } from '@/components/ui/list-filters';
import { DiscountTable } from '@/components/admin/people/discount-table';
import { discountFields } from '@/components/admin/people/discount-fields';
import { EmptyState, formatDateTime } from '@/components/admin/people/pager';
import { saveDiscountAction } from '@/lib/admin/discounts/actions';
import { discountListQuerySchema, discountSortDirection, listDiscountsPage, type DiscountView } from '@/lib/discounts/service';
import { requireStaffPage } from '@/lib/admin/guard';
import { getStoreSettings } from '@/lib/store/service';
import { formatMoney, money } from '@/lib/money';

export const metadata = { title: 'Discounts' };

function describe(discount: DiscountView): string {
  if (discount.type === 'percentage') return `${discount.value} % off`;
  if (discount.type === 'fixed_amount') return `${formatMoney(money(discount.value, discount.currency))} off`;
  return 'Free shipping';
}

export default async function DiscountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaffPage('admin', '/admin/discounts');
  const raw = await searchParams;
  const query = discountListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [result, settings] = await Promise.all([listDiscountsPage(query), getStoreSettings()]);
  const currency = settings?.currency ?? 'USD';
  const filtered = Boolean(query.q || query.status);
  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <h1 className="text-2xl font-bold tracking-tight">Discounts</h1>
        <ListFilters
          label="Filter discount codes"
          idPrefix="discounts"
          fields={[
            { kind: 'search', name: 'q', label: 'Code' },
            { kind: 'select', name: 'status', label: 'Status', options: [{ value: 'active', label: 'Active' }, { value: 'inactive', label: 'Inactive' }] },
          ]}
        />
        <p role="status" className="text-sm text-zinc-600">
          {result.total === 0 ? 'No discount codes' : `${result.total} discount code${result.total === 1 ? '' : 's'}`}
          {filtered ? ' match these filters' : ''}
        </p>
        <DiscountTable
          sort={{ key: query.sort, dir: discountSortDirection(query) }}
          page={result.page}
          pageCount={result.pageCount}
          empty={<EmptyState>{filtered ? 'No discount codes match these filters.' : 'No discount codes yet.'}</EmptyState>}
          rows={result.items.map((discount) => ({
            id: discount.id,
            code: discount.code,
            discount: describe(discount),
            minimum: discount.minSubtotalCents > 0 ? formatMoney(money(discount.minSubtotalCents, discount.currency)) : '—',
            used: `${discount.timesUsed}${discount.usageLimit !== null ? ` of ${discount.usageLimit}` : ''}`,
            valid: discount.startsAt || discount.endsAt ? `${formatDateTime(discount.startsAt)} → ${formatDateTime(discount.endsAt)}` : 'Always',
            active: discount.isActive,
            created: formatDateTime(discount.createdAt),
          }))}
        />
      </div>
      <section aria-labelledby="new-discount-heading" className="rounded-lg border border-zinc-200 bg-white p-5">
        <h2 id="new-discount-heading" className="mb-3 text-lg font-semibold">
          New discount code
        </h2>
        <ActionForm
          action={saveDiscountAction}
          label="New discount code"
          idPrefix="new-discount"
          fields={discountFields(currency)}
          submitLabel="Create discount"
          pendingLabel="Creating…"
          successMessage="Discount created."
        />
      </section>
    </div>
  );
}
