'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { RETURN_STATUS_LABELS, RETURN_STATUS_TONES, type ReturnSummary } from '@/lib/returns/types';

export type ReturnTableRow = { number: string; status: ReturnSummary['status']; orderNumber: string; email: string; items: number; refunded: string; requested: string };

const columns: ColumnDef<ReturnTableRow>[] = [
  {
    id: 'number',
    header: 'Return',
    enableHiding: false,
    meta: { label: 'Return', rowHeader: true },
    cell: ({ row }) => (
      <Link href={`/admin/returns/${row.original.number}`} className="whitespace-nowrap font-mono underline">
        {row.original.number}
      </Link>
    ),
  },
  { id: 'status', header: 'Status', meta: { label: 'Status' }, cell: ({ row }) => <Badge tone={RETURN_STATUS_TONES[row.original.status]}>{RETURN_STATUS_LABELS[row.original.status]}</Badge> },
  {
    id: 'order',
    header: 'Order',
    meta: { label: 'Order' },
    cell: ({ row }) => (
      <Link href={`/admin/orders/${row.original.orderNumber}`} className="whitespace-nowrap underline">
        {row.original.orderNumber}
      </Link>
    ),
  },
  { id: 'customer', header: 'Customer', meta: { label: 'Customer' }, cell: ({ row }) => <span className="break-all">{row.original.email}</span> },
  { id: 'items', header: 'Items', meta: { label: 'Items', align: 'right' }, cell: ({ row }) => row.original.items },
  { id: 'refunded', header: 'Refunded', meta: { label: 'Refunded', align: 'right' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.refunded}</span> },
  { id: 'requested', header: 'Requested', meta: { label: 'Requested' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.requested}</span> },
];

/** The returns list: newest first, each with its status, order and what was paid back. */
export function ReturnTable({ rows, empty, page, pageCount }: { rows: ReturnTableRow[]; empty: React.ReactNode; page: number; pageCount: number }) {
  return <DataTable id="admin-returns" caption="Returns" columns={columns} data={rows} getRowId={(row) => row.number} sort={{ key: 'requested', dir: 'desc' }} page={page} pageCount={pageCount} empty={empty} />;
}
