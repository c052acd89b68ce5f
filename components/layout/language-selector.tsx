'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { Suspense } from 'react';
import { LOCALE_NAMES, LOCALES, localisePath, splitLocale } from '@/lib/i18n/config';

/**
 * The language choice: this same page in each language, each named in itself (with its `lang`, so a screen reader
 * says "Deutsch" in German), the current one marked. Plain links that load the page afresh: the header and footer
 * are in a layout a client-side navigation would keep, in the old language. The cart, the market and the session are
 * cookies, so they come along. Works without JavaScript.
 */
export function LanguageSelector() {
  return (
    <Suspense fallback={<LanguageLinks search="" />}>
      <WithSearch />
    </Suspense>
  );
}

function WithSearch() {
  const search = useSearchParams().toString();
  return <LanguageLinks search={search} />;
}

function LanguageLinks({ search }: { search: string }) {
  const t = useTranslations('Language');
  const current = useLocale();
  const { pathname } = splitLocale(usePathname() ?? '/');
  return (
    <nav aria-labelledby="language-heading">
      <h2 id="language-heading" className="text-sm font-medium text-zinc-900">
        {t('label')}
      </h2>
      <ul className="mt-1 flex flex-wrap gap-x-1 gap-y-1">
        {LOCALES.map((locale) => (
          <li key={locale}>
            <a
              href={`${localisePath(pathname, locale)}${search ? `?${search}` : ''}`}
              hrefLang={locale}
              lang={locale}
              aria-current={locale === current ? 'true' : undefined}
              className="inline-flex min-h-10 items-center rounded-md px-3 text-sm text-zinc-800 underline-offset-2 hover:underline aria-[current]:bg-zinc-900 aria-[current]:font-semibold aria-[current]:text-white aria-[current]:no-underline"
            >
              {LOCALE_NAMES[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
