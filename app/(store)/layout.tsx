import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { StoreChrome } from '@/components/layout/store-chrome';

export default async function StoreLayout({ children }: { children: ReactNode }) {
  // Store settings live in the database and staff can change them: render per request, never at build time.
  await connection();
  // The storefront's messages reach its client components (the admin is in English and takes none).
  return (
    <NextIntlClientProvider>
      <StoreChrome>{children}</StoreChrome>
    </NextIntlClientProvider>
  );
}
