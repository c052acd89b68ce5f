import Link from 'next/link';
import { ReturnTable } from '@/components/admin/returns/return-table';
import { EmptyState, formatDateTime } from '@/components/admin/people/pager';
import { requireStaffPage } from '@/lib/admin/guard';
import { formatMoney, money } from '@/lib/money';
import { listReturnsForStaff } from '@/lib/returns/queries';
import { returnListQuerySchema } from '@/lib/returns/schemas';
import { RETURN_STATUS_LABELS } from '@/lib/returns/types';

export const metadata = { title: 'Returns' };

const FILTERS = ['requested', 'approved', 'received', 'completed', 'rejected', 'cancelled'] as const;

export default async function ReturnsPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  await requireStaffPage('staff', '/admin/returns');
  const params = await searchParams;
  const { status } = returnListQuerySchema.parse({ status: params.status });
  const page = Math.max(1, Number.parseInt(params.page ?? '1', 10) || 1);
  const list = await listReturnsForStaff({ status, page });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Returns</h1>
      <nav aria-label="Filter returns by status" className="flex flex-wrap gap-2 text-sm">
        <Link href="/admin/returns" aria-current={!status ? 'page' : undefined} className={`rounded-full border px-3 py-1 ${!status ? 'border-zinc-900 bg-zinc-900 text-white' : 'border-zinc-300 bg-white'}`}>
          All
        </Link>
        {FILTERS.map((filter) => (
          <Link key={filter} href={`/admin/returns?status=${filter}`} aria-current={status === filter ? 'page' : undefined} className={`rounded-full border px-3 py-1 ${status === filter ? 'border-zinc-900 bg-zinc-900 text-white' : 'border-zinc-300 bg-white'}`}>
            {RETURN_STATUS_LABELS[filter]}
          </Link>
        ))}
      </nav>
      <ReturnTable
        page={list.page}
        pageCount={list.pageCount}
        rows={list.rows.map((row) => ({
          number: row.number,
          status: row.status,
          orderNumber: row.orderNumber,
          email: row.email,
          items: row.itemCount,
          refunded: row.status === 'completed' ? formatMoney(money(row.refundCents, row.currency)) : '—',
          requested: formatDateTime(new Date(row.createdAt)),
        }))}
        empty={<EmptyState>{status ? 'No return has this status.' : 'No returns yet. Customers ask for them from their orders; staff open one from an order page.'}</EmptyState>}
      />
    </div>
  );
}
