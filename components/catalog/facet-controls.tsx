'use client';

import { useTranslations } from 'next-intl';
import { type ComponentProps, type ReactNode, useEffect, useRef } from 'react';
import { SheetButton } from '@/components/ui/sheet-button';
import { useHydrated } from '@/components/ui/use-hydrated';

/**
 * Inputs stay uncontrolled — what the shopper ticks before the page has run is kept (./auto-submit.tsx applies it on
 * start) — and follow a new URL's state (back button, a chip) without being remounted, so the focus stays put.
 */
function useFollowServer<T extends HTMLInputElement | HTMLSelectElement>(apply: (element: T) => void, value: unknown) {
  const ref = useRef<T>(null);
  const applied = useRef(value);
  useEffect(() => {
    // Not on mount: the server's HTML already says it, and an early tick must survive until it is applied.
    if (applied.current === value) return;
    applied.current = value;
    if (ref.current) apply(ref.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new server value re-applies
  }, [value]);
  return ref;
}

/** A facet checkbox, ticked as the URL says and as the shopper ticks it (the form then applies it). */
export function FacetCheckbox({ selected, ...props }: Omit<ComponentProps<'input'>, 'type' | 'checked' | 'defaultChecked'> & { selected: boolean }) {
  const ref = useFollowServer<HTMLInputElement>((element) => (element.checked = selected), selected);
  return <input {...props} ref={ref} type="checkbox" defaultChecked={selected} />;
}

/** The sort choice, likewise. */
export function SortSelect({ selected, children, ...props }: Omit<ComponentProps<'select'>, 'value' | 'defaultValue'> & { selected: string }) {
  const ref = useFollowServer<HTMLSelectElement>((element) => (element.value = selected), selected);
  return (
    <select {...props} ref={ref} defaultValue={selected}>
      {children}
    </select>
  );
}

/** With JavaScript every change applies at once (./auto-submit.tsx); without it, this button applies them. */
export function ApplyButton({ children, className }: { children: ReactNode; className?: string }) {
  const hydrated = useHydrated();
  if (hydrated) return null;
  return (
    <button type="submit" className={className}>
      {children}
    </button>
  );
}

/**
 * Phones and tablets: the filters in a drawer opened by a "Filters" button, instead of a long column above the
 * products. Before the page runs (and without JavaScript) they fold open under a disclosure instead.
 */
export function FilterDrawer({ activeCount, total, children }: { activeCount: number; total: number; children: ReactNode }) {
  const hydrated = useHydrated();
  const t = useTranslations('Catalog');
  const label = activeCount > 0 ? t('filtersCount', { count: activeCount }) : t('filters');
  if (!hydrated) {
    return (
      <details className="rounded-md border border-zinc-200">
        <summary className="cursor-pointer px-4 py-3 text-sm font-medium">{label}</summary>
        <div className="border-t border-zinc-200 p-4">{children}</div>
      </details>
    );
  }
  return (
    <SheetButton
      title={t('filters')}
      side="left"
      className="inline-flex items-center gap-2 min-h-11 rounded-md border border-zinc-300 px-4 text-sm font-medium hover:bg-zinc-50"
      label={
        <>
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
            <path d="M3 5h14M6 10h8M8.5 15h3" />
          </svg>
          {label}
        </>
      }
      footer={(close) => (
        <button type="button" onClick={close} className="w-full rounded-md bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-700">
          {t('showProducts', { count: total })}
        </button>
      )}
    >
      {children}
    </SheetButton>
  );
}
