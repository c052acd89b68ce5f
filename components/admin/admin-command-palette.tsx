'use client';

import { useRouter } from 'next/navigation';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState, useTransition } from 'react';
import { CommandPalette, type PaletteGroup } from '@/components/ui/command-palette';
import { searchAdminAction } from '@/lib/admin/command-palette/actions';
import type { PaletteResult } from '@/lib/admin/command-palette/schemas';

// The admin's global command palette: ⌘K / Ctrl+K anywhere in the panel, or the Search button in the header (the
// way in on a phone). Pages of the panel are matched here from the navigation; orders, products and customers come
// from the server (staff only, rate limited) as staff type, debounced.

type Page = { href: string; label: string };

const PaletteContext = createContext<(() => void) | null>(null);

const DEBOUNCE_MS = 200;

export function AdminCommandPalette({ pages, children }: { pages: Page[]; children: ReactNode }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<{ q: string; results: PaletteResult[]; error: string | null }>({ q: '', results: [], error: null });
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen((was) => !was);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const q = query.trim();
  useEffect(() => {
    if (q.length < 2) return;
    const timer = setTimeout(() => {
      startTransition(async () => {
        const result = await searchAdminAction({ q });
        setAnswer(result.ok ? { q, results: result.data, error: null } : { q, results: [], error: result.message });
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q]);

  const go = (href: string) => {
    setOpen(false);
    setQuery('');
    router.push(href);
  };

  const groups = useMemo((): PaletteGroup[] => {
    const needle = q.toLowerCase();
    const pageItems = pages
      .filter((page) => needle === '' || page.label.toLowerCase().includes(needle))
      .map((page) => ({ id: `page:${page.href}`, label: page.label, detail: 'Admin page', onSelect: () => go(page.href) }));
    const fresh = answer.q === q ? answer.results : [];
    const byKind = (kind: PaletteResult['kind']) =>
      fresh.filter((r) => r.kind === kind).map((r) => ({ id: `${kind}:${r.href}`, label: r.label, detail: r.detail, onSelect: () => go(r.href) }));
    return [
      { heading: 'Orders', items: byKind('order') },
      { heading: 'Products', items: byKind('product') },
      { heading: 'Customers', items: byKind('customer') },
      { heading: 'Pages', items: pageItems },
    ];
    // go is stable enough: it closes over router and setters only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pages, q, answer]);

  const searching = q.length >= 2 && (pending || answer.q !== q);
  const status = answer.q === q && answer.error ? answer.error : searching ? 'Searching…' : null;

  return (
    <PaletteContext.Provider value={() => setOpen(true)}>
      {children}
      <CommandPalette
        open={open}
        onOpenChange={setOpen}
        title="Search the admin"
        placeholder="Order number, product, SKU, customer or page…"
        query={query}
        onQueryChange={setQuery}
        groups={groups}
        status={status}
        empty={searching ? 'Searching…' : `Nothing matches “${q}”.`}
      />
    </PaletteContext.Provider>
  );
}

/** The palette's button (the header's on phones, the sidebar's on a desktop); shows the shortcut beside it. */
export function CommandPaletteButton({ className = '', compact = false }: { className?: string; compact?: boolean }) {
  const openPalette = useContext(PaletteContext);
  return (
    <button
      type="button"
      aria-haspopup="dialog"
      aria-keyshortcuts="Meta+K Control+K"
      onClick={() => openPalette?.()}
      className={`inline-flex items-center gap-2 rounded-md border border-zinc-300 bg-white text-sm text-zinc-700 hover:bg-zinc-100 ${compact ? 'min-h-11 min-w-11 justify-center' : 'w-full px-3 py-2'} ${className}`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
        <circle cx="11" cy="11" r="7" />
        <path d="m20 20-3.5-3.5" />
      </svg>
      {compact ? <span className="sr-only">Search the admin</span> : <span className="flex-1 text-left">Search the admin</span>}
      {compact ? null : (
        <kbd aria-hidden="true" className="rounded border border-zinc-300 px-1 text-xs text-zinc-600">
          ⌘K
        </kbd>
      )}
    </button>
  );
}
