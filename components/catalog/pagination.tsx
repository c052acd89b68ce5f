import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';

function pageWindow(page: number, totalPages: number): (number | 'gap')[] {
  const pages = new Set([1, totalPages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= totalPages));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  for (const [index, value] of sorted.entries()) {
    if (index > 0 && value - sorted[index - 1]! > 1) out.push('gap');
    out.push(value);
  }
  return out;
}

export function Pagination({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor: (page: number) => string }) {
  const t = useTranslations('Catalog');
  if (totalPages <= 1) return null;
  const linkClass = 'rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-50';
  return (
    <nav aria-label={t('pagination')} className="flex flex-wrap items-center justify-center gap-2">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className={linkClass} rel="prev">
          {t('previous')}
        </Link>
      ) : null}
      {pageWindow(page, totalPages).map((entry, index) =>
        entry === 'gap' ? (
          <span key={`gap-${index}`} className="px-1 text-zinc-500" aria-hidden>
            …
          </span>
        ) : entry === page ? (
          <span key={entry} aria-current="page" className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white">
            {entry}
          </span>
        ) : (
          <Link key={entry} href={hrefFor(entry)} className={linkClass} aria-label={t('page', { page: entry })}>
            {entry}
          </Link>
        ),
      )}
      {page < totalPages ? (
        <Link href={hrefFor(page + 1)} className={linkClass} rel="next">
          {t('next')}
        </Link>
      ) : null}
    </nav>
  );
}
