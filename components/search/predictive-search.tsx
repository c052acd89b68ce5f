'use client';

import { useLocale, useTranslations } from 'next-intl';
import { isLocale, localiseHref } from '@/lib/i18n/config';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, Suspense, useEffect, useRef, useState } from 'react';
import { Combobox, type ComboboxOption, type ComboboxSection } from '@/components/ui/combobox';
import { Image } from '@/components/ui/image';
import { Price } from '@/components/ui/price';
import type { SearchSuggestions } from '@/lib/catalog/suggest-schemas';
import { readMarketCookie } from '@/lib/http/market-cookie';

// The header's search box with predictive search: as the shopper types (after a short pause), products with image
// and price, the categories the words name and whole queries come from the Store API's suggestions endpoint, which
// answers from the catalogue cache. Without JavaScript it is a plain GET form to /search. On the search page the
// box shows the query, also when the page was loaded directly.

const PAUSE_MS = 120;
const EMPTY: SearchSuggestions = { q: '', products: [], categories: [], queries: [] };

type Pick = { href: string };

export function PredictiveSearch() {
  // useSearchParams needs a Suspense boundary on pages rendered ahead of time; the fallback is the same box, empty.
  return (
    <Suspense fallback={<PredictiveSearchBox initialQuery="" />}>
      <PredictiveSearchFromUrl />
    </Suspense>
  );
}

function PredictiveSearchFromUrl() {
  const pathname = usePathname();
  const params = useSearchParams();
  const initialQuery = pathname === '/search' ? (params.get('q') ?? '') : '';
  // Keyed by the query: a new search (or going back) puts its text in the box.
  return <PredictiveSearchBox key={initialQuery} initialQuery={initialQuery} />;
}

function PredictiveSearchBox({ initialQuery }: { initialQuery: string }) {
  const router = useRouter();
  const t = useTranslations('Chrome');
  const current = useLocale();
  const locale = isLocale(current) ? current : 'en';
  const [text, setText] = useState(initialQuery);
  const [suggestions, setSuggestions] = useState<SearchSuggestions>(EMPTY);
  const typed = useRef(false);

  useEffect(() => {
    // Nothing asked until the shopper types: the box filled from the URL does not open suggestions by itself.
    // An empty box shows nothing whatever was fetched last (see `visible`).
    if (!typed.current || !text.trim()) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        // Priced in the shopper's market: its cookie (components/markets) names it; the API reads only the parameter.
        const market = readMarketCookie();
        const response = await fetch(`/api/store/v1/search/suggestions?${new URLSearchParams({ q: text, ...(market ? { market } : {}) })}`, { signal: controller.signal });
        // Refused (rate limited) or failed: keep typing works, the suggestions just stay as they were.
        if (response.ok) setSuggestions((await response.json()) as SearchSuggestions);
      } catch {
        // Aborted by the next keystroke, or offline.
      }
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const picks = new Map<string, Pick>();
  const option = (id: string, href: string, content: ComboboxOption['content'], textValue: string): ComboboxOption => {
    picks.set(id, { href: localiseHref(href, locale) });
    return { id, content, textValue };
  };
  const visible = text.trim() ? suggestions : EMPTY;
  const sections: ComboboxSection[] = [
    {
      id: 'queries',
      label: t('suggestions'),
      options: visible.queries.map((query) =>
        option(`q-${query}`, `/search?${new URLSearchParams({ q: query })}`, <span>{query}</span>, query),
      ),
    },
    {
      id: 'categories',
      label: t('categories'),
      options: visible.categories.map((category) =>
        option(`c-${category.slug}`, `/categories/${category.slug}`, <span>{category.name}</span>, category.name),
      ),
    },
    {
      id: 'products',
      label: t('products'),
      options: visible.products.map((product) =>
        option(
          `p-${product.id}`,
          `/products/${product.slug}`,
          <span className="flex items-center gap-3">
            <span className="size-12 shrink-0 overflow-hidden rounded bg-zinc-100">
              {product.image ? (
                // The title beside it names the product: the picture is decoration here.
                <Image src={product.image.url} alt="" width={48} height={48} sizes="48px" className="size-12 object-cover" />
              ) : null}
            </span>
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium">{product.title}</span>
              <Price
                className="text-xs text-zinc-700"
                amountCents={product.priceMinCents}
                maxCents={product.priceMaxCents}
                currency={product.currency}
                compareAtCents={product.priceMinCents === product.priceMaxCents ? product.compareAtPriceCents : null}
              />
            </span>
          </span>,
          product.title,
        ),
      ),
    },
  ];
  const count = visible.queries.length + visible.categories.length + visible.products.length;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    router.push(localiseHref(`/search?${new URLSearchParams({ q: text })}`, locale));
  };

  return (
    <form action={localiseHref('/search', locale)} role="search" onSubmit={submit} className="relative flex flex-1 justify-center">
      <Combobox
        label={t('searchProducts')}
        value={text}
        onValueChange={(value) => {
          typed.current = true;
          setText(value);
        }}
        sections={sections}
        status={count === 0 ? '' : t('suggestionStatus', { count })}
        onPick={(picked) => {
          const target = picks.get(picked.id);
          if (!target) return;
          setText(picked.id.startsWith('q-') ? picked.textValue : text);
          router.push(target.href);
        }}
        inputProps={{
          id: 'site-search',
          name: 'q',
          type: 'search',
          placeholder: t('searchProducts'),
          maxLength: 100,
          enterKeyHint: 'search',
          className: 'w-full min-w-0 max-w-md rounded-md border border-zinc-300 px-3 py-1.5 text-sm',
        }}
      />
      <button type="submit" className="ml-2 rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700">
        {t('search')}
      </button>
    </form>
  );
}
