import { Link } from '@/components/ui/link';
import { AccountLink } from '@/components/account/account-link';
import { CartLink } from '@/components/cart/cart-link';
import { PredictiveSearch } from '@/components/search/predictive-search';

export function SiteHeader({ storeName }: { storeName: string }) {
  return (
    <header className="border-b border-zinc-200">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-4">
        <Link href="/" className="text-lg font-bold tracking-tight">
          {storeName}
        </Link>
        <PredictiveSearch />
        <nav aria-label="Main">
          <ul className="flex gap-4 text-sm">
            <li>
              <Link href="/search" className="hover:underline">
                Shop all
              </Link>
            </li>
            <li>
              <AccountLink />
            </li>
            <li>
              <CartLink />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter({ storeName }: { storeName: string }) {
  return (
    <footer className="mt-16 border-t border-zinc-200">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-zinc-600">
        © {new Date().getFullYear()} {storeName}
      </div>
    </footer>
  );
}
