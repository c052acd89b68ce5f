'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TableSort } from '@/components/ui/data-table';
import type { ImageAttributes } from '@/components/ui/image';
import { InlineStockField } from './inline-stock-field';
import { ListThumbnail } from './list-thumbnail';

export type InventoryTableRow = {
  variantId: string;
  sku: string;
  productId: string;
  productTitle: string;
  variantTitle: string;
  stock: number;
  isActive: boolean;
  /** At or below the store's low-stock threshold. */
  low: boolean;
  thumbnail: ImageAttributes | null;
};

function StockBadge({ row }: { row: InventoryTableRow }) {
  if (!row.isActive) return <Badge tone="neutral">Disabled</Badge>;
  if (row.stock <= 0) return <Badge tone="danger">Sold out</Badge>;
  if (row.low) return <Badge tone="warning">Low stock</Badge>;
  return <Badge tone="success">In stock</Badge>;
}

const columns: ColumnDef<InventoryTableRow>[] = [
  {
    id: 'sku',
    header: 'SKU',
    enableHiding: false,
    meta: { label: 'SKU', sortKey: 'sku', firstDir: 'asc', rowHeader: true },
    cell: ({ row: { original: row } }) => (
      <Link href={`/admin/inventory/${row.variantId}`} className="font-mono whitespace-nowrap hover:underline">
        {row.sku}
      </Link>
    ),
  },
  {
    id: 'product',
    header: 'Product',
    meta: { label: 'Product', sortKey: 'product', firstDir: 'asc' },
    cell: ({ row: { original: row } }) => (
      <ListThumbnail image={row.thumbnail}>
        <Link href={`/admin/products/${row.productId}`} className="font-medium hover:underline">
          {row.productTitle}
        </Link>
        <span className="block text-xs text-zinc-600">{row.variantTitle}</span>
      </ListThumbnail>
    ),
  },
  { id: 'status', header: 'Status', meta: { label: 'Status' }, cell: ({ row }) => <StockBadge row={row.original} /> },
  {
    id: 'stock',
    header: 'On hand',
    enableHiding: false,
    meta: { label: 'On hand', sortKey: 'stock', firstDir: 'asc', align: 'right' },
    cell: ({ row: { original: row } }) => <InlineStockField variantId={row.variantId} sku={row.sku} stock={row.stock} low={row.low} />,
  },
];

/** The inventory list: one row per variant with its image, a stock badge, server-side sort and the stock edited in place. */
export function InventoryTable({ rows, sort, page, pageCount, empty }: { rows: InventoryTableRow[]; sort: TableSort; page: number; pageCount: number; empty: React.ReactNode }) {
  return (
    <DataTable id="admin-inventory" caption="Variants and stock" columns={columns} data={rows} getRowId={(row) => row.variantId} sort={sort} page={page} pageCount={pageCount} empty={empty} />
  );
}
