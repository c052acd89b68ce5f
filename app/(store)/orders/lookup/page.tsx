import type { Metadata } from 'next';
import Link from 'next/link';
import { OrderLookupForm } from '@/components/orders/order-lookup-form';

export const metadata: Metadata = { title: 'Find your order', robots: { index: false } };

export default function OrderLookupPage() {
  return (
    <section aria-labelledby="lookup-heading">
      <h1 id="lookup-heading" className="mb-4 text-2xl font-bold">
        Find your order
      </h1>
      <OrderLookupForm />
      <p className="mt-8 text-sm">
        Want to send something back?{' '}
        <Link href="/orders/return" className="underline">
          Return or exchange items
        </Link>
      </p>
    </section>
  );
}
