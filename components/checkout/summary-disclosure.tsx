'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useId, useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';

function Chevron({ className }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className={`size-4 transition-transform ${className ?? ''}`} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M5 8l5 5 5-5" />
    </svg>
  );
}

const bar = 'flex w-full min-h-12 items-center justify-between gap-3 px-4 py-3 text-left';
const panel = 'border-t border-zinc-200 p-4';

/**
 * Phones and tablets: a bar at the top of the checkout with the live total that folds open the order summary (lines,
 * discount, shipping, tax), so the shopper sees what they pay before the form. A button with aria-expanded once the
 * page runs; before that (and without JavaScript) a native <details> that looks the same.
 */
export function SummaryDisclosure({ total, busy, children }: { total: string; busy: boolean; children: ReactNode }) {
  const hydrated = useHydrated();
  const t = useTranslations('Checkout');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const amount = (
    <span className={`shrink-0 text-base font-semibold ${busy ? 'opacity-60' : ''}`}>
      <span className="sr-only">{t('total')}</span>
      {total}
    </span>
  );
  if (!hydrated) {
    return (
      <details className="group rounded-lg border border-zinc-200 bg-zinc-50 lg:hidden">
        <summary className={`${bar} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
          <span className="flex items-center gap-1.5 text-sm font-medium text-brand-700">
            <span className="group-open:hidden">{t('showSummary')}</span>
            <span className="hidden group-open:inline">{t('hideSummary')}</span>
            <Chevron className="group-open:rotate-180" />
          </span>
          {amount}
        </summary>
        <div className={panel}>{children}</div>
      </details>
    );
  }
  return (
    <div className="rounded-lg border border-zinc-200 bg-zinc-50 lg:hidden">
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((was) => !was)} className={`${bar} rounded-lg`}>
        <span className="flex items-center gap-1.5 text-sm font-medium text-brand-700">
          {open ? t('hideSummary') : t('showSummary')}
          <Chevron className={open ? 'rotate-180' : undefined} />
        </span>
        {amount}
      </button>
      <div id={panelId} hidden={!open} className={panel}>
        {children}
      </div>
    </div>
  );
}
