import { getTranslations } from 'next-intl/server';
import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { CartLines } from '@/components/cart/cart-lines';
import { getCartView } from '@/lib/cart/service';
import { currentCartRef } from '@/lib/cart/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Cart');
  return { title: t('title'), robots: { index: false } };
}

export default async function CartPage() {
  const [cart, t] = await Promise.all([currentCartRef().then((ref) => getCartView(ref)), getTranslations('Cart')]);
  if (!cart || cart.lines.length === 0) {
    return (
      <section aria-labelledby="cart-heading" className="mx-auto max-w-2xl text-center">
        <h1 id="cart-heading" className="text-2xl font-bold">
          {t('title')}
        </h1>
        <p className="mt-4 text-zinc-600">{t('empty')}</p>
        <Link href="/" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
          {t('continueShopping')}
        </Link>
      </section>
    );
  }
  return (
    <section aria-labelledby="cart-heading">
      <h1 id="cart-heading" className="mb-6 text-2xl font-bold">
        {t('title')}
      </h1>
      <CartLines cart={cart} variant="page" />
    </section>
  );
}
