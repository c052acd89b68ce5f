'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TableSort } from '@/components/ui/data-table';

export type CustomerTableRow = {
  id: string;
  email: string;
  name: string;
  guest: boolean;
  status: 'active' | 'disabled';
  orderCount: number;
  spent: string;
  joined: string;
};

const columns: ColumnDef<CustomerTableRow>[] = [
  {
    id: 'email',
    header: 'Customer',
    enableHiding: false,
    meta: { label: 'Customer', sortKey: 'email', firstDir: 'asc' },
    cell: ({ row: { original: customer } }) => (
      <div className="min-w-48">
        <Link href={`/admin/customers/${customer.id}`} className="break-all underline">
          {customer.email}
        </Link>
        {customer.guest ? (
          <span className="ml-2">
            <Badge tone="warning">Guest</Badge>
          </span>
        ) : null}
      </div>
    ),
  },
  { id: 'name', header: 'Name', meta: { label: 'Name', sortKey: 'name', firstDir: 'asc' }, cell: ({ row }) => row.original.name || '—' },
  {
    id: 'status',
    header: 'Status',
    meta: { label: 'Status' },
    cell: ({ row }) => <Badge tone={row.original.status === 'active' ? 'success' : 'danger'}>{row.original.status === 'active' ? 'Active' : 'Disabled'}</Badge>,
  },
  { id: 'orders', header: 'Orders', meta: { label: 'Orders', sortKey: 'orders', firstDir: 'desc', align: 'right' }, cell: ({ row }) => row.original.orderCount },
  { id: 'spent', header: 'Total spent', meta: { label: 'Total spent', align: 'right' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.spent}</span> },
  { id: 'joined', header: 'Joined', meta: { label: 'Joined', sortKey: 'created', firstDir: 'desc' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.joined}</span> },
];

/** The customer list: guest badges, server-side sort and hideable columns. */
export function CustomerTable({ rows, sort, page, pageCount, empty }: { rows: CustomerTableRow[]; sort: TableSort; page: number; pageCount: number; empty: React.ReactNode }) {
  return <DataTable id="admin-customers" caption="Customers" columns={columns} data={rows} getRowId={(row) => row.id} sort={sort} page={page} pageCount={pageCount} empty={empty} />;
}
