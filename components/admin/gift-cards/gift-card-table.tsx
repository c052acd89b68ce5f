'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';

export type GiftCardTableRow = {
  id: string;
  lastFour: string;
  balance: string;
  initial: string;
  status: 'active' | 'spent' | 'expired' | 'disabled';
  recipient: string;
  order: string | null;
  issued: string;
};

const TONE = { active: 'success', spent: 'neutral', expired: 'warning', disabled: 'danger' } as const;
const LABEL = { active: 'Active', spent: 'Spent', expired: 'Expired', disabled: 'Disabled' } as const;

const columns: ColumnDef<GiftCardTableRow>[] = [
  {
    id: 'card',
    header: 'Card',
    enableHiding: false,
    meta: { label: 'Card' },
    cell: ({ row }) => (
      <Link href={`/admin/gift-cards/${row.original.id}`} className="whitespace-nowrap font-mono underline">
        •••• {row.original.lastFour}
      </Link>
    ),
  },
  { id: 'balance', header: 'Balance', meta: { label: 'Balance', align: 'right' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.balance}</span> },
  { id: 'initial', header: 'Issued for', meta: { label: 'Issued for', align: 'right' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.initial}</span> },
  { id: 'status', header: 'Status', meta: { label: 'Status' }, cell: ({ row }) => <Badge tone={TONE[row.original.status]}>{LABEL[row.original.status]}</Badge> },
  { id: 'recipient', header: 'Recipient', meta: { label: 'Recipient' }, cell: ({ row }) => <span className="break-all">{row.original.recipient || '—'}</span> },
  {
    id: 'order',
    header: 'Bought in',
    meta: { label: 'Bought in' },
    cell: ({ row }) =>
      row.original.order ? (
        <Link href={`/admin/orders/${row.original.order}`} className="whitespace-nowrap underline">
          {row.original.order}
        </Link>
      ) : (
        'Issued by staff'
      ),
  },
  { id: 'issued', header: 'Issued', meta: { label: 'Issued' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.issued}</span> },
];

/** The gift card list: the last four characters only (codes are never stored), balance and state. */
export function GiftCardTable({ rows, empty }: { rows: GiftCardTableRow[]; empty: React.ReactNode }) {
  return <DataTable id="admin-gift-cards" caption="Gift cards" columns={columns} data={rows} getRowId={(row) => row.id} sort={{ key: 'created', dir: 'desc' }} page={1} pageCount={1} empty={empty} />;
}
