import { ScrollRegion } from '@/components/ui/scroll-region';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { discountFields } from '@/components/admin/people/discount-fields';
import { EmptyState, formatDateTime } from '@/components/admin/people/pager';
import { saveDiscountAction } from '@/lib/admin/discounts/actions';
import { listDiscounts, type DiscountView } from '@/lib/discounts/service';
import { requireStaffPage } from '@/lib/admin/guard';
import { getStoreSettings } from '@/lib/store/service';
import { formatMoney, money } from '@/lib/money';

export const metadata = { title: 'Discounts' };

function describe(discount: DiscountView): string {
  if (discount.type === 'percentage') return `${discount.value} % off`;
  if (discount.type === 'fixed_amount') return `${formatMoney(money(discount.value, discount.currency))} off`;
  return 'Free shipping';
}

export default async function DiscountsPage() {
  await requireStaffPage('admin', '/admin/discounts');
  const [discounts, settings] = await Promise.all([listDiscounts(), getStoreSettings()]);
  const currency = settings?.currency ?? 'USD';
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">Discounts</h1>
      {discounts.length === 0 ? (
        <EmptyState>No discount codes yet.</EmptyState>
      ) : (
        <ScrollRegion label="Discount codes, table">
          <table className="w-full bg-white text-sm">
            <thead>
              <tr className="border-b border-zinc-200 text-left">
                <th scope="col" className="p-2">Code</th>
                <th scope="col" className="p-2">Discount</th>
                <th scope="col" className="p-2">Minimum</th>
                <th scope="col" className="p-2">Used</th>
                <th scope="col" className="p-2">Valid</th>
                <th scope="col" className="p-2">Active</th>
              </tr>
            </thead>
            <tbody>
              {discounts.map((discount) => (
                <tr key={discount.id} className="border-b border-zinc-100">
                  <th scope="row" className="p-2 text-left">
                    <Link href={`/admin/discounts/${discount.id}`} className="font-mono underline">
                      {discount.code}
                    </Link>
                  </th>
                  <td className="p-2">{describe(discount)}</td>
                  <td className="p-2">{discount.minSubtotalCents > 0 ? formatMoney(money(discount.minSubtotalCents, discount.currency)) : '—'}</td>
                  <td className="p-2">
                    {discount.timesUsed}
                    {discount.usageLimit !== null ? ` of ${discount.usageLimit}` : ''}
                  </td>
                  <td className="p-2">
                    {discount.startsAt || discount.endsAt ? `${formatDateTime(discount.startsAt)} → ${formatDateTime(discount.endsAt)}` : 'Always'}
                  </td>
                  <td className="p-2">{discount.isActive ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
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
