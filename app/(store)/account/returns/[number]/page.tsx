import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccountNav } from '@/components/account/account-nav';
import { ReturnDetailView } from '@/components/returns/return-detail';
import { ActionForm } from '@/components/ui/action-form';
import { FormMessage } from '@/components/ui/form-message';
import { requireUser } from '@/lib/auth/session';
import { cancelReturnAction } from '@/lib/returns/actions';
import { getReturnDetail } from '@/lib/returns/queries';

export const metadata: Metadata = { title: 'Return', robots: { index: false } };

export default async function AccountReturnPage({ params, searchParams }: { params: Promise<{ number: string }>; searchParams: Promise<{ requested?: string }> }) {
  const { number } = await params;
  const { requested } = await searchParams;
  const user = await requireUser(`/account/returns/${encodeURIComponent(number)}`);
  // Ownership through the order, in the query: another customer's return is a 404.
  const detail = await getReturnDetail(number, { kind: 'customer', userId: user.id });
  if (!detail) notFound();
  return (
    <section aria-labelledby="return-heading">
      <h1 id="return-heading" className="mb-4 text-2xl font-bold">
        Return {detail.number}
      </h1>
      <AccountNav />
      <div className="max-w-2xl">
        {requested ? (
          <div className="mb-6 rounded-lg border border-green-300 bg-green-50 p-4">
            <FormMessage status="success" message={`Return ${detail.number} requested. We have emailed you the instructions.`} />
          </div>
        ) : null}
        <ReturnDetailView detail={detail} orderHref={`/account/orders/${detail.orderNumber}`} />
        {detail.status === 'requested' ? (
          <div className="mt-6">
            <ActionForm action={cancelReturnAction} label="Cancel this return" idPrefix="cancel-return" fields={[{ name: 'number', label: 'Return', type: 'hidden', defaultValue: detail.number }]} submitLabel="Cancel this return" pendingLabel="Cancelling…" variant="secondary" />
          </div>
        ) : null}
      </div>
    </section>
  );
}
