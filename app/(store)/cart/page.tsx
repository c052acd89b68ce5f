import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { CartLineControls } from '@/components/cart/cart-line-controls';
import { Price } from '@/components/ui/price';
import { getCartView } from '@/lib/cart/service';
import { currentCartRef } from '@/lib/cart/session';

export const metadata: Metadata = { title: 'Your cart', robots: { index: false } };

export default async function CartPage() {
  const cart = await getCartView(await currentCartRef());
  if (!cart || cart.lines.length === 0) {
    return (
      <section aria-labelledby="cart-heading" className="mx-auto max-w-2xl text-center">
        <h1 id="cart-heading" className="text-2xl font-bold">
          Your cart
        </h1>
        <p className="mt-4 text-zinc-600">Your cart is empty.</p>
        <Link href="/" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
          Continue shopping
        </Link>
      </section>
    );
  }
  return (
    <section aria-labelledby="cart-heading">
      <h1 id="cart-heading" className="text-2xl font-bold">
        Your cart
      </h1>
      <ul aria-label="Cart items" className="mt-6 divide-y divide-zinc-200 border-y border-zinc-200">
        {cart.lines.map((line) => (
          <li key={line.id} className="flex gap-4 py-4" aria-label={line.productTitle}>
            <div className="h-24 w-24 shrink-0 overflow-hidden rounded bg-zinc-100">
              {line.imageUrl ? (
                <Image src={line.imageUrl} alt={line.imageAlt} width={96} height={96} className="h-full w-full object-cover" />
              ) : null}
            </div>
            <div className="flex flex-1 flex-wrap justify-between gap-4">
              <div>
                <h2 className="font-medium">
                  <Link href={`/products/${line.productSlug}`} className="hover:underline">
                    {line.productTitle}
                  </Link>
                </h2>
                <p className="text-sm text-zinc-600">{line.variantTitle}</p>
                <Price className="text-sm" amountCents={line.unitPriceCents} currency={cart.currency} />
                {line.problem === 'unavailable' ? (
                  <p className="text-sm text-red-700">No longer available — please remove it.</p>
                ) : line.problem === 'insufficient_stock' ? (
                  <p className="text-sm text-red-700">Only {line.maxQuantity} left — please lower the quantity.</p>
                ) : null}
              </div>
              <CartLineControls
                lineId={line.id}
                quantity={line.quantity}
                maxQuantity={line.maxQuantity}
                productTitle={line.productTitle}
              />
              <div className="text-right">
                <span className="sr-only">Line total</span>
                <Price amountCents={line.lineTotalCents} currency={cart.currency} />
              </div>
            </div>
          </li>
        ))}
      </ul>
      <div className="mt-6 flex flex-col items-end gap-3">
        <div className="flex gap-2 text-lg" data-testid="cart-subtotal">
          <span>
            Subtotal ({cart.itemCount} {cart.itemCount === 1 ? 'item' : 'items'}):
          </span>
          <Price amountCents={cart.subtotalCents} currency={cart.currency} />
        </div>
        <p className="text-sm text-zinc-600">Shipping and taxes are calculated at checkout.</p>
        {cart.hasProblems ? (
          <p role="alert" className="text-sm text-red-700">
            Some items need your attention before you can check out.
          </p>
        ) : (
          <Link href="/checkout" className="rounded-md bg-brand-600 px-6 py-3 font-semibold text-white hover:bg-brand-700">
            Check out
          </Link>
        )}
      </div>
    </section>
  );
}
