import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { StoreChrome } from '@/components/layout/store-chrome';

export default async function StoreLayout({ children }: { children: ReactNode }) {
  // Store settings live in the database and staff can change them: render per request, never at build time.
  await connection();
  return <StoreChrome>{children}</StoreChrome>;
}
