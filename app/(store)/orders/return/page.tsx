import type { Metadata } from 'next';
import { GuestReturnFlow } from '@/components/returns/guest-return-flow';

export const metadata: Metadata = { title: 'Return or exchange items', robots: { index: false } };

export default function GuestReturnPage() {
  return (
    <section aria-labelledby="guest-return-page-heading">
      <h1 id="guest-return-page-heading" className="mb-2 text-2xl font-bold">
        Return or exchange items
      </h1>
      <p className="mb-6 max-w-2xl text-zinc-700">Enter your order number and the email you used. Signed in? Your orders page lists the returns of each order.</p>
      <GuestReturnFlow />
    </section>
  );
}
