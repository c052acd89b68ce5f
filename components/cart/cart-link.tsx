import { Link } from '@/components/ui/link';
import { getCartItemCount } from '@/lib/cart/service';
import { currentCartRef } from '@/lib/cart/session';

/** Header link to the cart with the number of items; read per request, never cached. */
export async function CartLink() {
  const count = await getCartItemCount(await currentCartRef());
  return (
    <Link href="/cart" className="hover:underline" aria-label={`Cart, ${count} ${count === 1 ? 'item' : 'items'}`}>
      Cart <span className="rounded-full bg-zinc-900 px-2 py-0.5 text-xs text-white" aria-hidden="true">{count}</span>
    </Link>
  );
}
