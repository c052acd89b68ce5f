'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TableSort } from '@/components/ui/data-table';

export type DiscountTableRow = {
  id: string;
  code: string;
  discount: string;
  minimum: string;
  used: string;
  valid: string;
  active: boolean;
  created: string;
};

const columns: ColumnDef<DiscountTableRow>[] = [
  {
    id: 'code',
    header: 'Code',
    enableHiding: false,
    meta: { label: 'Code', sortKey: 'code', firstDir: 'asc', rowHeader: true },
    cell: ({ row }) => (
      <Link href={`/admin/discounts/${row.original.id}`} className="font-mono underline">
        {row.original.code}
      </Link>
    ),
  },
  { id: 'discount', header: 'Discount', meta: { label: 'Discount' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.discount}</span> },
  { id: 'minimum', header: 'Minimum', meta: { label: 'Minimum', align: 'right' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.minimum}</span> },
  { id: 'used', header: 'Used', meta: { label: 'Used', sortKey: 'used', firstDir: 'desc', align: 'right' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.used}</span> },
  // Two dates and an arrow: kept on one or two lines (the table scrolls sideways on a phone) rather than a word a line.
  { id: 'valid', header: 'Valid', meta: { label: 'Valid' }, cell: ({ row }) => <span className="block min-w-44">{row.original.valid}</span> },
  {
    id: 'active',
    header: 'Status',
    meta: { label: 'Status' },
    cell: ({ row }) => <Badge tone={row.original.active ? 'success' : 'neutral'}>{row.original.active ? 'Active' : 'Inactive'}</Badge>,
  },
  { id: 'created', header: 'Created', meta: { label: 'Created', sortKey: 'created', firstDir: 'desc' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.created}</span> },
];

/** The discount codes: server-side sort, hideable columns, pages; the URL holds them. */
export function DiscountTable({ rows, sort, page, pageCount, empty }: { rows: DiscountTableRow[]; sort: TableSort; page: number; pageCount: number; empty: React.ReactNode }) {
  return <DataTable id="admin-discounts" caption="Discount codes" columns={columns} data={rows} getRowId={(row) => row.id} sort={sort} page={page} pageCount={pageCount} empty={empty} />;
}
