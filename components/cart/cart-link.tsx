'use client';

import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import { useHintCookie } from '@/components/layout/use-hint-cookie';
import { CART_HINT_COOKIE } from '@/lib/store/hint-names';

/**
 * Header link to the cart with the number of items. The count comes from a hint cookie the server keeps up to date
 * on every cart change, so the page around it can be the same for every visitor (and cached); without JavaScript the
 * link reads just "Cart".
 */
export function CartLink() {
  const hint = useHintCookie(CART_HINT_COOKIE);
  const t = useTranslations('Chrome');
  const count = hint === null ? null : Math.max(0, Number.parseInt(hint, 10) || 0);
  return (
    <Link
      href="/cart"
      className="inline-flex items-center gap-1.5 min-h-11 rounded-md px-1 hover:underline"
      aria-label={count === null ? t('cart') : t('cartWithCount', { count })}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round">
        <path d="M5 8h14l-1.2 11.1a1 1 0 0 1-1 .9H7.2a1 1 0 0 1-1-.9L5 8Z" />
        <path d="M9 8V6.5a3 3 0 0 1 6 0V8" />
      </svg>
      {/* The space keeps "Cart" a word of its own for accessibility checkers reading the visible text. */}
      <span className="sr-only md:not-sr-only">{t('cart')}</span>{' '}
      <span className="inline-block min-w-6 rounded-full bg-zinc-900 px-2 py-0.5 text-center text-xs text-white" aria-hidden="true">
        {count ?? '\u00a0'}
      </span>
    </Link>
  );
}
