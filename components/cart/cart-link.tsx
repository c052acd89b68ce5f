'use client';

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
  const count = hint === null ? null : Math.max(0, Number.parseInt(hint, 10) || 0);
  return (
    <Link href="/cart" className="hover:underline" aria-label={count === null ? 'Cart' : `Cart, ${count} ${count === 1 ? 'item' : 'items'}`}>
      Cart{' '}
      <span className="inline-block min-w-6 rounded-full bg-zinc-900 px-2 py-0.5 text-center text-xs text-white" aria-hidden="true">
        {count ?? '\u00a0'}
      </span>
    </Link>
  );
}
