import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { SiteFooter, SiteHeader } from '@/components/layout/site-header';
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

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Store settings live in the database and staff can change them: render per request, never at build time.
  await connection();
  const store = await getCachedStoreInfo();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader storeName={store.name} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter storeName={store.name} />
      </body>
    </html>
  );
}
