import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ActionForm } from '@/components/ui/action-form';
import { discountFields } from '@/components/admin/people/discount-fields';
import { deleteDiscountAction, saveDiscountAction } from '@/lib/admin/discounts/actions';
import { getDiscount } from '@/lib/discounts/service';
import { requireStaffPage } from '@/lib/admin/guard';

export const metadata = { title: 'Discount' };

export default async function DiscountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaffPage('admin', `/admin/discounts/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const discount = await getDiscount(id);
  if (!discount) notFound();
  return (
    <div className="max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href="/admin/discounts" className="underline">
          ← Discounts
        </Link>
      </p>
      <h1 className="font-mono text-2xl font-bold tracking-tight">{discount.code}</h1>
      <p className="text-sm">
        Used {discount.timesUsed} {discount.timesUsed === 1 ? 'time' : 'times'}
        {discount.usageLimit !== null ? ` of ${discount.usageLimit}` : ''}.
      </p>
      <ActionForm
        action={saveDiscountAction}
        label="Edit discount"
        idPrefix="discount"
        fields={discountFields(discount.currency, discount)}
        submitLabel="Save discount"
        pendingLabel="Saving…"
        successMessage="Discount saved."
      />
      {discount.timesUsed === 0 ? (
        <ActionForm
          action={deleteDiscountAction}
          label="Delete discount"
          idPrefix="discount-delete"
          fields={[{ name: 'id', label: '', type: 'hidden', defaultValue: discount.id }]}
          submitLabel="Delete discount"
          pendingLabel="Deleting…"
          variant="secondary"
          successMessage="Discount deleted."
        />
      ) : (
        <p className="text-sm text-zinc-600">This code has been used, so it is kept for the order history; untick Active to stop it.</p>
      )}
    </div>
  );
}
