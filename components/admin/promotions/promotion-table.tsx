'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';

export type PromotionTableRow = {
  id: string;
  title: string;
  gives: string;
  who: string;
  how: string;
  used: string;
  given: string;
  valid: string;
  active: boolean;
};

const columns: ColumnDef<PromotionTableRow>[] = [
  {
    id: 'title',
    header: 'Promotion',
    enableHiding: false,
    meta: { label: 'Promotion', rowHeader: true },
    cell: ({ row }) => (
      <Link href={`/admin/promotions?edit=${row.original.id}`} className="underline">
        {row.original.title}
      </Link>
    ),
  },
  { id: 'gives', header: 'Gives', meta: { label: 'Gives' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.gives}</span> },
  { id: 'who', header: 'Who', meta: { label: 'Who' }, cell: ({ row }) => row.original.who },
  { id: 'how', header: 'How', meta: { label: 'How' }, cell: ({ row }) => row.original.how },
  { id: 'used', header: 'Orders', meta: { label: 'Orders', align: 'right' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.used}</span> },
  { id: 'given', header: 'Discount given', meta: { label: 'Discount given', align: 'right' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.given}</span> },
  { id: 'valid', header: 'Valid', meta: { label: 'Valid' }, cell: ({ row }) => <span className="block min-w-44">{row.original.valid}</span> },
  {
    id: 'active',
    header: 'Status',
    meta: { label: 'Status' },
    cell: ({ row }) => <Badge tone={row.original.active ? 'success' : 'neutral'}>{row.original.active ? 'Active' : 'Inactive'}</Badge>,
  },
];

/** The promotions, newest first, with what each has given in orders. */
export function PromotionTable({ rows, page, pageCount, empty }: { rows: PromotionTableRow[]; page: number; pageCount: number; empty: React.ReactNode }) {
  return <DataTable id="admin-promotions" caption="Promotions" columns={columns} data={rows} getRowId={(row) => row.id} sort={{ key: "created", dir: "desc" }} page={page} pageCount={pageCount} empty={empty} />;
}
