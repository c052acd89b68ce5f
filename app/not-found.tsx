import { connection } from 'next/server';
import { NotFoundMessage } from '@/components/layout/not-found-message';
import { StoreChrome } from '@/components/layout/store-chrome';

export const metadata = { title: 'Page not found' };

// Unmatched URLs land here, outside the storefront's layout, so this page brings the store's chrome itself.
export default async function NotFound() {
  await connection();
  return (
    <StoreChrome>
      <NotFoundMessage />
    </StoreChrome>
  );
}
