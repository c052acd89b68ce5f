import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { getCachedStoreInfo } from '@/lib/catalog/cache';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const store = await getCachedStoreInfo();
  return {
    metadataBase: new URL(env.SITE_URL),
    title: { default: store.name, template: `%s · ${store.name}` },
    description: `Shop ${store.name} online.`,
  };
}

export const viewport: Viewport = { themeColor: '#ffffff', width: 'device-width', initialScale: 1 };

// The document shell only: the storefront's chrome is in app/(store)/layout.tsx, the admin's in app/admin/layout.tsx.
// The document's language is the page's (lib/i18n/config.ts: the URL's prefix; the admin is English). The client
// components get the language here and the storefront's messages in app/(store)/layout.tsx.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('Chrome')]);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t('skipToContent')}
        </a>
        <NextIntlClientProvider locale={locale} messages={null}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
