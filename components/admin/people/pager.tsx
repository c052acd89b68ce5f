import Link from 'next/link';

/** Previous / next links that keep the current filters. */
export function Pager({ basePath, params, page, pageCount, label }: { basePath: string; params: Record<string, string | undefined>; page: number; pageCount: number; label: string }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    search.set('page', String(target));
    return `${basePath}?${search.toString()}`;
  };
  return (
    <nav aria-label={label} className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="underline">
          Previous page
        </Link>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className="underline">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}

export function EmptyState({ children }: { children: React.ReactNode }) {
  return <p className="rounded-md border border-dashed border-zinc-300 bg-white p-6 text-center text-sm text-zinc-600">{children}</p>;
}

export function formatDateTime(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '—';
}
