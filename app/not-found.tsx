import { NotFoundMessage } from '@/components/layout/not-found-message';

export const metadata = { title: 'Page not found' };

// Storefront URLs that match nothing are answered inside the store's layout (app/(store)/[...unmatched]); this is the
// last resort outside it. It is kept bare on purpose: Next sends it within every page's payload.
export default function NotFound() {
  return (
    <main id="main" className="flex-1 px-4">
      <NotFoundMessage />
    </main>
  );
}
