import type { Metadata } from 'next';
import { OrderLookupForm } from '@/components/orders/order-lookup-form';

export const metadata: Metadata = { title: 'Find your order', robots: { index: false } };

export default function OrderLookupPage() {
  return (
    <section aria-labelledby="lookup-heading">
      <h1 id="lookup-heading" className="mb-4 text-2xl font-bold">
        Find your order
      </h1>
      <OrderLookupForm />
    </section>
  );
}
