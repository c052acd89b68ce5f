'use client';

import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type RowData,
  type RowSelectionState,
  useReactTable,
  type VisibilityState,
} from '@tanstack/react-table';
import Link from 'next/link';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { ScrollRegion } from './scroll-region';
import { useListParams } from './use-list-params';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the augmented interface must repeat TanStack's type parameters
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column's name in the columns menu (and its header when the header is not a function). */
    label?: string;
    /** Set when the server can sort the list by this column: the URL's `sort` value. */
    sortKey?: string;
    /** The direction of the first click on this column's sort button (text ascends, dates and amounts descend). */
    firstDir?: 'asc' | 'desc';
    align?: 'right';
    /** The cell that names its row (a code, a number, a title): a row header for screen readers. */
    rowHeader?: boolean;
  }
}

export type TableSort = { key: string; dir: 'asc' | 'desc' };

type DataTableProps<T> = {
  /** Keys what this browser remembers of the table (its hidden columns). */
  id: string;
  /** The table's accessible name (its caption); its scroll region is named "<caption>, table". */
  caption: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's column value types differ per column
  columns: ColumnDef<T, any>[];
  data: T[];
  getRowId: (row: T) => string;
  /** The sort the server applied (the URL's, or the list's default). */
  sort: TableSort;
  page: number;
  pageCount: number;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  /** Row selection and what to do with the ticked rows; without it the table has no checkboxes. */
  selection?: {
    rowName: (row: T) => string;
    /** The header box's name, e.g. "Select all products on this page". */
    allLabel: string;
    /** What the bar says with nothing ticked, e.g. "Tick products to act on several at once." */
    hint: string;
    actions: (selected: T[], clear: () => void) => ReactNode;
  };
};

const HIDE_PARAM = 'hide';

function storageKey(id: string) {
  return `data-table:${id}:hidden`;
}

function parseHidden(value: string | null): VisibilityState {
  if (!value) return {};
  return Object.fromEntries(value.split(',').filter(Boolean).map((column) => [column, false]));
}

function hiddenParam(visibility: VisibilityState): string {
  return Object.entries(visibility)
    .filter(([, visible]) => !visible)
    .map(([column]) => column)
    .sort()
    .join(',');
}

function SortIcon({ dir }: { dir: 'asc' | 'desc' | null }) {
  return (
    <span aria-hidden="true" className={`text-xs ${dir ? 'text-zinc-900' : 'text-zinc-400'}`}>
      {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
    </span>
  );
}

/**
 * The admin lists' table on TanStack Table: server-sorted and server-paginated (both in the URL), columns that can be
 * hidden (kept in the URL and remembered by this browser), optional row selection with a select-all box and a bar of
 * bulk actions. Sort buttons sit in the headers, which announce aria-sort; on a phone the table scrolls sideways
 * inside its own named region.
 */
export function DataTable<T>({ id, caption, columns, data, getRowId, sort, page, pageCount, empty, selection }: DataTableProps<T>) {
  const { params, update, updateLocally, hrefWith, pending } = useListParams();
  const hideFromUrl = params.get(HIDE_PARAM);
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>(() => parseHidden(hideFromUrl));
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const restored = useRef(false);

  // The URL wins (a shared link or a saved view); without one, this browser's last choice.
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    if (hideFromUrl !== null) return;
    const remembered = window.localStorage.getItem(storageKey(id));
    if (remembered) {
      setColumnVisibility(parseHidden(remembered));
      updateLocally({ [HIDE_PARAM]: remembered });
    }
  }, [hideFromUrl, id, updateLocally]);

  // A saved view or the back button changes the URL's columns: follow it. What this table wrote itself is skipped,
  // as the URL catches up a render later and would otherwise undo the change just made.
  const [seenHide, setSeenHide] = useState(hideFromUrl);
  const [writtenHide, setWrittenHide] = useState<string | null>(hideFromUrl);
  if (seenHide !== hideFromUrl) {
    setSeenHide(hideFromUrl);
    if (hideFromUrl !== null && hideFromUrl !== writtenHide) setColumnVisibility(parseHidden(hideFromUrl));
  }

  const allColumns = useMemo(() => {
    if (!selection) return columns;
    const select: ColumnDef<T> = {
      id: 'select',
      enableHiding: false,
      header: ({ table }) => (
        <HeaderCheckbox
          label={selection.allLabel}
          checked={table.getIsAllRowsSelected()}
          indeterminate={table.getIsSomeRowsSelected()}
          onChange={(on) => table.toggleAllRowsSelected(on)}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={`Select ${selection.rowName(row.original)}`}
          checked={row.getIsSelected()}
          onChange={(event) => row.toggleSelected(event.target.checked)}
          className="h-4 w-4"
        />
      ),
    };
    return [select, ...columns];
  }, [columns, selection]);

  // TanStack Table v8 hands back one mutable instance; the compiler leaves this component unmemoised, as it should.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const table = useReactTable({
    data,
    columns: allColumns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    pageCount,
    enableRowSelection: Boolean(selection),
    state: { columnVisibility, rowSelection },
    onRowSelectionChange: setRowSelection,
    onColumnVisibilityChange: (updater) => {
      const next = typeof updater === 'function' ? updater(columnVisibility) : updater;
      const value = hiddenParam(next);
      setColumnVisibility(next);
      setWrittenHide(value || null);
      window.localStorage.setItem(storageKey(id), value);
      updateLocally({ [HIDE_PARAM]: value || null });
    },
  });

  const selected = table.getSelectedRowModel().rows.map((row) => row.original);
  const clear = () => setRowSelection({});
  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());

  return (
    <div className="space-y-3">
      <div className="flex min-h-10 flex-wrap items-center gap-3">
        {selection ? (
          <>
            <p className="text-sm text-zinc-700" aria-live="polite">
              {selected.length === 0 ? selection.hint : `${selected.length} selected`}
            </p>
            {selected.length > 0 ? <div className="flex flex-wrap items-center gap-2">{selection.actions(selected, clear)}</div> : null}
          </>
        ) : null}
        {hideable.length > 0 ? (
          <details className="relative ml-auto">
            <summary className="cursor-pointer list-none rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
              Columns
            </summary>
            <fieldset className="absolute right-0 z-20 mt-1 w-52 space-y-1 rounded-md border border-zinc-200 bg-white p-3 text-sm shadow-lg">
              <legend className="sr-only">Columns shown</legend>
              {hideable.map((column) => (
                <label key={column.id} className="flex items-center gap-2">
                  <input type="checkbox" className="h-4 w-4" checked={column.getIsVisible()} onChange={(event) => column.toggleVisibility(event.target.checked)} />
                  {column.columnDef.meta?.label ?? column.id}
                </label>
              ))}
            </fieldset>
          </details>
        ) : null}
      </div>
      {data.length === 0 ? (
        empty
      ) : (
        <ScrollRegion label={`${caption}, table`} className="rounded-md border border-zinc-200 bg-white">
          <table className="w-full border-collapse text-left text-sm" aria-busy={pending}>
            <caption className="sr-only">{caption}</caption>
            <thead className="bg-zinc-50 text-xs text-zinc-700">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id} className="border-b border-zinc-200">
                  {group.headers.map((header) => {
                    const meta = header.column.columnDef.meta;
                    const active = meta?.sortKey && meta.sortKey === sort.key ? sort.dir : null;
                    const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={meta?.sortKey ? (active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : 'none') : undefined}
                        className={`whitespace-nowrap px-3 py-2 font-semibold ${header.column.id === 'select' ? 'w-10' : ''} ${meta?.align === 'right' ? 'text-right' : ''}`}
                      >
                        {meta?.sortKey ? (
                          <button
                            type="button"
                            onClick={() => {
                              const dir = active ? (active === 'asc' ? 'desc' : 'asc') : (meta.firstDir ?? 'asc');
                              update({ sort: meta.sortKey!, dir });
                            }}
                            className="inline-flex items-center gap-1 rounded hover:text-zinc-950 hover:underline"
                          >
                            {content}
                            <SortIcon dir={active} />
                          </button>
                        ) : (
                          content
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id} className={`border-b border-zinc-100 last:border-b-0 ${row.getIsSelected() ? 'bg-zinc-50' : ''}`}>
                  {row.getVisibleCells().map((cell) => {
                    const className = `px-3 py-2 align-middle ${cell.column.columnDef.meta?.align === 'right' ? 'text-right' : ''}`;
                    const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                    return cell.column.columnDef.meta?.rowHeader ? (
                      <th key={cell.id} scope="row" className={`${className} text-left font-normal`}>
                        {content}
                      </th>
                    ) : (
                      <td key={cell.id} className={className}>
                        {content}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {pageCount > 1 ? (
        <nav aria-label={`${caption} pages`} className="flex flex-wrap items-center gap-3 text-sm">
          {page > 1 ? (
            <Link href={hrefWith({ page: page - 1 === 1 ? null : String(page - 1) })} rel="prev" className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 hover:bg-zinc-50">
              Previous page
            </Link>
          ) : null}
          <span className="text-zinc-700">
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <Link href={hrefWith({ page: String(page + 1) })} rel="next" className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 hover:bg-zinc-50">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

function HeaderCheckbox({ label, checked, indeterminate, onChange }: { label: string; checked: boolean; indeterminate: boolean; onChange: (on: boolean) => void }) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = indeterminate && !checked;
  }, [indeterminate, checked]);
  return <input ref={box} type="checkbox" aria-label={label} checked={checked} onChange={(event) => onChange(event.target.checked)} className="h-4 w-4" />;
}
