import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReturnActions } from '@/components/admin/returns/return-actions';
import { ReturnDetailView } from '@/components/returns/return-detail';
import { FormMessage } from '@/components/ui/form-message';
import { requireStaffPage } from '@/lib/admin/guard';
import { getReturnDetail } from '@/lib/returns/queries';

export const metadata: Metadata = { title: 'Return' };

export default async function AdminReturnPage({ params, searchParams }: { params: Promise<{ number: string }>; searchParams: Promise<{ opened?: string }> }) {
  const { number } = await params;
  const { opened } = await searchParams;
  const user = await requireStaffPage('staff', `/admin/returns/${encodeURIComponent(number)}`);
  const detail = await getReturnDetail(number, { kind: 'staff' });
  if (!detail) notFound();
  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <p className="text-sm">
        <Link href="/admin/returns" className="text-zinc-600 underline">
          All returns
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight">Return {detail.number}</h1>
      {opened ? <FormMessage status="success" message={`Return ${detail.number} opened; the customer has been emailed the instructions.`} /> : null}
      <p className="text-sm text-zinc-700 [overflow-wrap:anywhere]">Customer: {detail.email}</p>
      <div className="grid gap-6 lg:grid-cols-[1fr_340px]">
        <section aria-label="Return details" className="rounded-md border border-zinc-200 bg-white p-4">
          <ReturnDetailView detail={detail} orderHref={`/admin/orders/${detail.orderNumber}`} />
        </section>
        <section aria-labelledby="return-actions-heading" className="rounded-md border border-zinc-200 bg-white p-4">
          <h2 id="return-actions-heading" className="mb-3 text-lg font-semibold">
            Next step
          </h2>
          <ReturnActions detail={detail} canRefund={user.role === 'admin'} />
          {['rejected', 'cancelled', 'completed', 'completing'].includes(detail.status) ? <p className="text-sm text-zinc-600">Nothing left to do.</p> : null}
        </section>
      </div>
    </div>
  );
}
