'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useTransition } from 'react';

/**
 * An admin list's state lives in its URL (filters, sort, page, hidden columns), so a reload, a shared link and the
 * back button all show the same list. `update` changes some parameters and refetches the list; any change other than
 * the page starts again at page 1.
 */
export function useListParams() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();

  const hrefWith = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
      }
      if (!('page' in changes)) next.delete('page');
      const query = next.toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [params, pathname],
  );

  const update = useCallback(
    (changes: Record<string, string | null>) => {
      const href = hrefWith(changes);
      const current = params.toString() ? `${pathname}?${params.toString()}` : pathname;
      if (href === current) return;
      startTransition(() => router.replace(href, { scroll: false }));
    },
    [hrefWith, params, pathname, router],
  );

  /** Changes the URL without asking the server again: for what only the browser shows (hidden columns). */
  const updateLocally = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
      }
      const query = next.toString();
      window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
    },
    [params, pathname],
  );

  const navigate = useCallback(
    (query: string) => startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false })),
    [pathname, router],
  );

  return { params, pathname, pending, update, updateLocally, hrefWith, navigate };
}
