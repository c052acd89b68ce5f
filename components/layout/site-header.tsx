import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import { AccountLink } from '@/components/account/account-link';
import { CartLink } from '@/components/cart/cart-link';
import { PredictiveSearch } from '@/components/search/predictive-search';
import type { CategoryNode } from '@/lib/catalog/types';
import type { MenuLink } from '@/lib/store/content/types';
import { MenuDrawer } from './menu-drawer';
import { MenuLinks } from './menu-links';
import { StoreLogo } from './store-logo';

type SiteHeaderProps = {
  storeName: string;
  logoUrl: string | null;
  categories: CategoryNode[];
  /** The header menu the merchant edits in the admin (empty: nothing is shown). */
  links: MenuLink[];
};

export function SiteHeader({ storeName, logoUrl, categories, links }: SiteHeaderProps) {
  const t = useTranslations('Chrome');
  return (
    <header className="border-b border-zinc-200">
      {/* Phones: menu, name and cart on one row, the search on its own full-width row. From md up: one row. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 md:flex-nowrap md:gap-x-6 md:py-4">
        <div className="md:hidden">
          <MenuDrawer>
            <MenuContents categories={categories} links={links} />
          </MenuDrawer>
        </div>
        <Link href="/" className="flex min-w-0 items-center gap-2 text-lg font-bold tracking-tight flex-1 md:flex-none">
          {logoUrl ? <StoreLogo storeName={storeName} logoUrl={logoUrl} decorative className="h-8 w-auto shrink-0" /> : null}
          <span className="truncate">{storeName}</span>
        </Link>
        {/* The search slot: one element, so another search component can take its place. */}
        <div className="order-last basis-full md:order-none md:flex md:flex-1 md:basis-auto md:justify-center">
          <PredictiveSearch />
        </div>
        <nav aria-label={t('mainNav')} className="shrink-0">
          <ul className="flex items-center gap-4 text-sm">
            <li className="hidden md:block">
              <Link href="/search" className="hover:underline">
                {t('shopAll')}
              </Link>
            </li>
            <li className="hidden md:block">
              <AccountLink />
            </li>
            <li>
              <CartLink />
            </li>
          </ul>
        </nav>
      </div>
      {links.length > 0 ? (
        <div className="mx-auto hidden max-w-6xl px-4 pb-3 md:block">
          <MenuLinks label={t('storeMenu')} links={links} />
        </div>
      ) : null}
      {/* Without JavaScript the menu button cannot open; these links stand in for it on phones. */}
      <noscript>
        <ul className="mx-auto flex max-w-6xl gap-4 px-4 pb-3 text-sm md:hidden">
          <li>
            <Link href="/search" className="underline">
              {t('shopAll')}
            </Link>
          </li>
          <li>
            <Link href="/account" className="underline">
              {t('account')}
            </Link>
          </li>
        </ul>
      </noscript>
    </header>
  );
}

/** The menu drawer's contents: the category tree (each top category folds open) and the shopper's links. */
function MenuContents({ categories, links }: { categories: CategoryNode[]; links: MenuLink[] }) {
  const t = useTranslations('Chrome');
  return (
    <div className="space-y-6">
      <MenuLinks label={t('storeMenu')} links={links} className="space-y-1 font-medium" />
      <nav aria-label={t('categories')}>
        <ul className="divide-y divide-zinc-200 border-y border-zinc-200">
          <li>
            <Link href="/search" className="block py-3 font-medium">
              {t('shopAll')}
            </Link>
          </li>
          {categories.map((category) => (
            <li key={category.slug}>
              {category.children.length === 0 ? (
                <Link href={`/categories/${category.slug}`} className="block py-3 font-medium">
                  {category.name}
                </Link>
              ) : (
                <details className="group">
                  <summary className="flex cursor-pointer list-none items-center justify-between py-3 font-medium [&::-webkit-details-marker]:hidden">
                    {category.name}
                    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 transition-transform group-open:rotate-180" fill="currentColor">
                      <path d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06Z" />
                    </svg>
                  </summary>
                  <ul className="space-y-1 pb-3 pl-3 text-sm">
                    <li>
                      <Link href={`/categories/${category.slug}`} className="block py-1.5 underline">
                        {t('allInCategory', { category: category.name })}
                      </Link>
                    </li>
                    {category.children.map((child) => (
                      <li key={child.slug}>
                        <Link href={`/categories/${child.slug}`} className="block py-1.5">
                          {child.name}
                        </Link>
                        {child.children.length > 0 ? (
                          <ul className="pl-3">
                            {child.children.map((leaf) => (
                              <li key={leaf.slug}>
                                <Link href={`/categories/${leaf.slug}`} className="block py-1.5 text-zinc-700">
                                  {leaf.name}
                                </Link>
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={t('accountAndOrders')}>
        <ul className="space-y-1">
          <li>
            <AccountLink className="block py-2 font-medium" />
          </li>
          <li>
            <Link href="/orders/lookup" className="block py-2 font-medium">
              {t('findOrder')}
            </Link>
          </li>
          <li>
            <Link href="/cart" className="block py-2 font-medium">
              {t('cart')}
            </Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
