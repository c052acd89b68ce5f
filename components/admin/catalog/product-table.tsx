'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { useActionState, useState } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { DataTable, type TableSort } from '@/components/ui/data-table';
import { Dialog } from '@/components/ui/dialog';
import { FormMessage } from '@/components/ui/form-message';
import type { ImageAttributes } from '@/components/ui/image';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionOutcome } from '@/components/ui/use-action-outcome';
import { adjustProductsStockAction, archiveProductsAction, publishProductsAction } from '@/lib/admin/products/actions';
import { ListThumbnail } from './list-thumbnail';
import { StockChangeFields, StockNoteField } from './stock-change-fields';

export type ProductTableRow = {
  id: string;
  title: string;
  vendor: string | null;
  status: 'draft' | 'active' | 'archived';
  price: string;
  variantCount: number;
  stockTotal: number;
  updated: string;
  /** The first image, as next/image attributes worked out on the server; null without images. */
  thumbnail: ImageAttributes | null;
};

const STATUS: Record<ProductTableRow['status'], { label: string; tone: BadgeTone }> = {
  active: { label: 'Active', tone: 'success' },
  draft: { label: 'Draft', tone: 'neutral' },
  archived: { label: 'Archived', tone: 'warning' },
};

const columns: ColumnDef<ProductTableRow>[] = [
  {
    id: 'title',
    header: 'Title',
    enableHiding: false,
    meta: { label: 'Title', sortKey: 'title', firstDir: 'asc' },
    cell: ({ row: { original: row } }) => (
      <ListThumbnail image={row.thumbnail}>
        <Link href={`/admin/products/${row.id}`} className="font-medium hover:underline">
          {row.title}
        </Link>
        {row.vendor ? <span className="block text-xs text-zinc-600">{row.vendor}</span> : null}
      </ListThumbnail>
    ),
  },
  {
    id: 'status',
    header: 'Status',
    meta: { label: 'Status', sortKey: 'status', firstDir: 'asc' },
    cell: ({ row }) => <Badge tone={STATUS[row.original.status].tone}>{STATUS[row.original.status].label}</Badge>,
  },
  { id: 'price', header: 'Price', meta: { label: 'Price', sortKey: 'price', firstDir: 'asc' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.price}</span> },
  { id: 'variants', header: 'Variants', meta: { label: 'Variants', align: 'right' }, cell: ({ row }) => row.original.variantCount },
  { id: 'stock', header: 'Stock', meta: { label: 'Stock', sortKey: 'stock', firstDir: 'desc', align: 'right' }, cell: ({ row }) => row.original.stockTotal },
  {
    id: 'updated',
    header: 'Updated',
    meta: { label: 'Updated', sortKey: 'updated', firstDir: 'desc' },
    cell: ({ row }) => <span className="whitespace-nowrap text-zinc-700">{row.original.updated}</span>,
  },
];

function IdInputs({ rows }: { rows: ProductTableRow[] }) {
  return rows.map((row) => <input key={row.id} type="hidden" name="ids" value={row.id} />);
}

const STATUS_ACTIONS = {
  publish: { action: publishProductsAction, label: 'Publish selected', pendingLabel: 'Publishing…' },
  archive: { action: archiveProductsAction, label: 'Archive selected', pendingLabel: 'Archiving…' },
} as const;

function StatusSelected({ rows, clear, change }: { rows: ProductTableRow[]; clear: () => void; change: keyof typeof STATUS_ACTIONS }) {
  const { action, label, pendingLabel } = STATUS_ACTIONS[change];
  const [state, formAction, pending] = useActionState(action, null);
  useActionOutcome(state, clear);
  return (
    <form action={formAction}>
      <IdInputs rows={rows} />
      <SubmitButton pendingLabel={pendingLabel} pending={pending} variant="secondary">
        {label}
      </SubmitButton>
    </form>
  );
}

function AdjustStockSelected({ rows, clear }: { rows: ProductTableRow[]; clear: () => void }) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(adjustProductsStockAction, null);
  const notify = useActionOutcome(state, () => {
    setOpen(false);
    clear();
  });
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const variants = rows.reduce((sum, row) => sum + row.variantCount, 0);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
        Adjust stock
      </button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Adjust stock"
        description={`Changes the stock of every variant of the ${rows.length} selected product${rows.length === 1 ? '' : 's'} (${variants} variant${variants === 1 ? '' : 's'}) by the same amount, all or nothing.`}
      >
        <form action={formAction} aria-label="Adjust stock of the selected products" className="space-y-3">
          <IdInputs rows={rows} />
          <StockChangeFields idPrefix="bulk-stock-" errors={errors} />
          <StockNoteField idPrefix="bulk-stock-" errors={errors} />
          {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
          {state?.ok && !notify ? <FormMessage status="success" message={state.message ?? ''} /> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button type="button" onClick={() => setOpen(false)} className="rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm font-medium hover:bg-zinc-50">
              Cancel
            </button>
            <SubmitButton pendingLabel="Adjusting…" pending={pending}>
              Adjust stock
            </SubmitButton>
          </div>
        </form>
      </Dialog>
    </>
  );
}

function ExportSelected({ rows }: { rows: ProductTableRow[] }) {
  const query = new URLSearchParams(rows.map((row) => ['ids', row.id])).toString();
  return (
    <a href={`/api/admin/export/products?${query}`} download className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
      Export selected
    </a>
  );
}

/** The product list: thumbnails, status badges, server-side sort, hideable columns, and bulk actions on ticked rows. */
export function ProductTable({ rows, sort, page, pageCount, empty }: { rows: ProductTableRow[]; sort: TableSort; page: number; pageCount: number; empty: React.ReactNode }) {
  return (
    <DataTable
      id="admin-products"
      caption="Products"
      columns={columns}
      data={rows}
      getRowId={(row) => row.id}
      sort={sort}
      page={page}
      pageCount={pageCount}
      empty={empty}
      selection={{
        rowName: (row) => row.title,
        allLabel: 'Select all products on this page',
        hint: 'Tick products to act on several at once.',
        actions: (selected, clear) => (
          <>
            <StatusSelected rows={selected} clear={clear} change="publish" />
            <StatusSelected rows={selected} clear={clear} change="archive" />
            <AdjustStockSelected rows={selected} clear={clear} />
            <ExportSelected rows={selected} />
          </>
        ),
      }}
    />
  );
}
