'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef, useState } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { FormMessage } from '@/components/ui/form-message';
import type { ImageAttributes } from '@/components/ui/image';
import { SubmitButton } from '@/components/ui/submit-button';
import { useToast } from '@/components/ui/toast-context';
import { archiveProductsAction } from '@/lib/admin/products/actions';

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

/**
 * The product list with row selection and the bulk action. The boxes are the form's own `ids` inputs, so the
 * action receives the ticked products as they are on screen (and the form works without JavaScript).
 */
export function ProductTable({ rows }: { rows: ProductTableRow[] }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [state, formAction, pending] = useActionState(archiveProductsAction, null);
  const notify = useToast();
  const allBox = useRef<HTMLInputElement>(null);
  const ids = rows.map((row) => row.id);
  const chosen = ids.filter((id) => selected.has(id));
  const all = chosen.length === ids.length && ids.length > 0;
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = chosen.length > 0 && !all;
  }, [chosen.length, all]);
  // After an answer, a done action clears the selection (the rows now show their new status).
  const [settled, setSettled] = useState(state);
  if (state !== settled) {
    setSettled(state);
    if (state?.ok) setSelected(new Set());
  }
  useEffect(() => {
    if (state?.ok) notify?.success(state.message ?? 'Done.');
  }, [state, notify]);
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <form action={formAction} aria-label="Products on this page" className="space-y-3">
      <div className="flex min-h-10 flex-wrap items-center gap-3">
        <p className="text-sm text-zinc-700" aria-live="polite">
          {chosen.length === 0 ? 'Tick products to act on several at once.' : `${chosen.length} selected`}
        </p>
        {chosen.length > 0 ? (
          <SubmitButton pendingLabel="Archiving…" pending={pending} variant="secondary">
            Archive selected
          </SubmitButton>
        ) : null}
      </div>
      {state?.ok ? <FormMessage status="success" message={state.message ?? ''} announce={!notify} /> : null}
      {state && !state.ok ? <FormMessage status="error" message={state.fieldErrors?.ids?.join(' ') ?? state.message} /> : null}
      <div className="overflow-x-auto rounded-md border border-zinc-200 bg-white">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">Products</caption>
          <thead>
            <tr className="border-b border-zinc-200 text-left">
              <th scope="col" className="w-10 p-2">
                <input
                  ref={allBox}
                  type="checkbox"
                  aria-label="Select all products on this page"
                  checked={all}
                  onChange={(event) => setSelected(event.target.checked ? new Set(ids) : new Set())}
                  className="h-4 w-4"
                />
              </th>
              <th scope="col" className="p-2">
                Title
              </th>
              <th scope="col" className="p-2">
                Status
              </th>
              <th scope="col" className="p-2">
                Price
              </th>
              <th scope="col" className="hidden p-2 sm:table-cell">
                Variants
              </th>
              <th scope="col" className="p-2">
                Stock
              </th>
              <th scope="col" className="hidden p-2 md:table-cell">
                Updated
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={`border-b border-zinc-100 ${selected.has(row.id) ? 'bg-zinc-50' : ''}`}>
                <td className="p-2 align-middle">
                  <input
                    type="checkbox"
                    name="ids"
                    value={row.id}
                    aria-label={`Select ${row.title}`}
                    checked={selected.has(row.id)}
                    onChange={(event) => toggle(row.id, event.target.checked)}
                    className="h-4 w-4"
                  />
                </td>
                <td className="p-2">
                  <div className="flex items-center gap-3">
                    {row.thumbnail ? (
                      // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- next/image's attributes, worked out on the server (alt "" beside the title)
                      <img {...row.thumbnail} className="h-10 w-10 shrink-0 rounded border border-zinc-200 object-cover" />
                    ) : (
                      <span aria-hidden="true" className="h-10 w-10 shrink-0 rounded border border-dashed border-zinc-300 bg-zinc-50" />
                    )}
                    <span className="min-w-0">
                      <Link href={`/admin/products/${row.id}`} className="font-medium hover:underline">
                        {row.title}
                      </Link>
                      {row.vendor ? <span className="block text-xs text-zinc-600">{row.vendor}</span> : null}
                    </span>
                  </div>
                </td>
                <td className="p-2">
                  <Badge tone={STATUS[row.status].tone}>{STATUS[row.status].label}</Badge>
                </td>
                <td className="p-2">{row.price}</td>
                <td className="hidden p-2 sm:table-cell">{row.variantCount}</td>
                <td className="p-2">{row.stockTotal}</td>
                <td className="hidden p-2 text-zinc-600 md:table-cell">{row.updated}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </form>
  );
}
