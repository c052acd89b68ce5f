'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { useActionState, useState } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { DataTable, type TableSort } from '@/components/ui/data-table';
import { Dialog } from '@/components/ui/dialog';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionOutcome } from '@/components/ui/use-action-outcome';
import type { ActionState } from '@/lib/http/action-result';
import { type BulkOrderSummary, fulfillOrdersAction, markOrdersPaidAction } from '@/lib/admin/orders/actions';

export type OrderTableRow = {
  number: string;
  placed: string;
  customerName: string;
  email: string;
  status: string;
  statusLabel: string;
  paymentStatus: string;
  paymentLabel: string;
  manualPayment: boolean;
  itemCount: number;
  total: string;
};

const STATUS_TONE: Record<string, BadgeTone> = { pending: 'warning', paid: 'info', fulfilled: 'success', delivered: 'success', cancelled: 'neutral' };
const PAYMENT_TONE: Record<string, BadgeTone> = { unpaid: 'warning', paid: 'success', partially_refunded: 'info', refunded: 'neutral' };

const columns: ColumnDef<OrderTableRow>[] = [
  {
    id: 'number',
    header: 'Order',
    enableHiding: false,
    meta: { label: 'Order', sortKey: 'number', firstDir: 'asc' },
    cell: ({ row }) => (
      <Link href={`/admin/orders/${row.original.number}`} className="whitespace-nowrap font-mono underline">
        {row.original.number}
      </Link>
    ),
  },
  { id: 'placed', header: 'Placed', meta: { label: 'Placed', sortKey: 'placed', firstDir: 'desc' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.placed}</span> },
  {
    id: 'customer',
    header: 'Customer',
    meta: { label: 'Customer' },
    cell: ({ row }) => (
      <>
        {row.original.customerName}
        <span className="block break-all text-xs text-zinc-600">{row.original.email}</span>
      </>
    ),
  },
  {
    id: 'status',
    header: 'Status',
    meta: { label: 'Status', sortKey: 'status', firstDir: 'asc' },
    cell: ({ row }) => <Badge tone={STATUS_TONE[row.original.status] ?? 'neutral'}>{row.original.statusLabel}</Badge>,
  },
  {
    id: 'payment',
    header: 'Payment',
    meta: { label: 'Payment' },
    cell: ({ row }) => (
      <span className="whitespace-nowrap">
        <Badge tone={PAYMENT_TONE[row.original.paymentStatus] ?? 'neutral'}>{row.original.paymentLabel}</Badge>
        {row.original.manualPayment ? <span className="ml-1 text-xs text-zinc-600">manual</span> : null}
      </span>
    ),
  },
  { id: 'items', header: 'Items', meta: { label: 'Items', align: 'right' }, cell: ({ row }) => row.original.itemCount },
  { id: 'total', header: 'Total', meta: { label: 'Total', sortKey: 'total', firstDir: 'desc', align: 'right' }, cell: ({ row }) => <span className="whitespace-nowrap">{row.original.total}</span> },
];

function NumberInputs({ rows }: { rows: OrderTableRow[] }) {
  return rows.map((row) => <input key={row.number} type="hidden" name="numbers" value={row.number} />);
}

/** The orders each bulk move skipped, with why: the toast says how many, this says which. */
function Skipped({ state }: { state: ActionState<BulkOrderSummary> }) {
  if (!state?.ok || state.data.skipped.length === 0) return null;
  return (
    <div role="status" className="w-full rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-medium">Skipped {state.data.skipped.length === 1 ? '1 order' : `${state.data.skipped.length} orders`}:</p>
      <ul className="mt-1 list-disc pl-5">
        {state.data.skipped.map((entry) => (
          <li key={entry.number}>
            <span className="font-mono">{entry.number}</span>: {entry.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

function MarkPaidSelected({ rows, onDone }: { rows: OrderTableRow[]; onDone: (state: ActionState<BulkOrderSummary>) => void }) {
  const [state, formAction, pending] = useActionState(markOrdersPaidAction, null);
  useActionOutcome(state, () => onDone(state));
  return (
    <form action={formAction}>
      <NumberInputs rows={rows} />
      <SubmitButton pendingLabel="Marking paid…" pending={pending} variant="secondary">
        Mark paid
      </SubmitButton>
    </form>
  );
}

function FulfilSelected({ rows, onDone }: { rows: OrderTableRow[]; onDone: (state: ActionState<BulkOrderSummary>) => void }) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(fulfillOrdersAction, null);
  const notify = useActionOutcome(state, () => {
    setOpen(false);
    onDone(state);
  });
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
        Fulfil selected
      </button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Fulfil selected orders"
        description="Ships everything left on each order with its own tracking number; each customer is emailed. Orders that cannot ship yet are skipped."
      >
        <form action={formAction} aria-label="Fulfil selected orders" className="space-y-3">
          <div>
            <label htmlFor="bulk-carrier" className="block text-sm font-medium">
              Carrier
            </label>
            <input
              id="bulk-carrier"
              name="carrier"
              required
              maxLength={80}
              aria-describedby={errors.carrier ? 'bulk-carrier-error' : undefined}
              aria-invalid={errors.carrier ? true : undefined}
              className="mt-1 block w-full rounded-md border border-zinc-300 px-3 py-2 text-sm"
            />
            <FieldError id="bulk-carrier-error" errors={errors.carrier} />
          </div>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Tracking numbers</legend>
            {rows.map((row) => (
              <div key={row.number}>
                <label htmlFor={`bulk-tracking-${row.number}`} className="block text-sm">
                  Tracking for <span className="font-mono">{row.number}</span>
                </label>
                <input
                  id={`bulk-tracking-${row.number}`}
                  name={`tracking.${row.number}`}
                  required
                  minLength={3}
                  maxLength={100}
                  className="mt-1 block w-full rounded-md border border-zinc-300 px-3 py-2 text-sm"
                />
              </div>
            ))}
          </fieldset>
          {state && !state.ok ? <FormMessage status="error" message={Object.values(errors).flat()[0] ?? state.message} /> : null}
          {state?.ok && !notify ? <FormMessage status="success" message={state.message ?? ''} /> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button type="button" onClick={() => setOpen(false)} className="rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm font-medium hover:bg-zinc-50">
              Cancel
            </button>
            <SubmitButton pendingLabel="Shipping…" pending={pending}>
              Fulfil orders
            </SubmitButton>
          </div>
        </form>
      </Dialog>
    </>
  );
}

/** The order list: status badges, server-side sort, hideable columns, and bulk "mark paid" / "fulfil" on ticked rows. */
export function OrderTable({ rows, sort, page, pageCount, empty }: { rows: OrderTableRow[]; sort: TableSort; page: number; pageCount: number; empty: React.ReactNode }) {
  const [outcome, setOutcome] = useState<ActionState<BulkOrderSummary>>(null);
  return (
    <div className="space-y-3">
      <Skipped state={outcome} />
      <DataTable
        id="admin-orders"
        caption="Orders"
        columns={columns}
        data={rows}
        getRowId={(row) => row.number}
        sort={sort}
        page={page}
        pageCount={pageCount}
        empty={empty}
        selection={{
          rowName: (row) => row.number,
          allLabel: 'Select all orders on this page',
          hint: 'Tick orders to act on several at once.',
          actions: (selected, clear) => {
            const done = (state: ActionState<BulkOrderSummary>) => {
              setOutcome(state);
              clear();
            };
            return (
              <>
                <MarkPaidSelected rows={selected} onDone={done} />
                <FulfilSelected rows={selected} onDone={done} />
              </>
            );
          },
        }}
      />
    </div>
  );
}
