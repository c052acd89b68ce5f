import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
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
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
