import type { Metadata } from 'next';
import { GiftCardBalanceForm } from '@/components/gift-cards/balance-check-form';

export const metadata: Metadata = { title: 'Gift card balance', robots: { index: false } };

export default function GiftCardBalancePage() {
  return (
    <section aria-labelledby="balance-heading" className="max-w-md">
      <h1 id="balance-heading" className="mb-2 text-2xl font-bold">
        Gift card balance
      </h1>
      <p className="mb-4 text-sm text-zinc-600">Enter the code from your gift card email to see what is left on it.</p>
      <GiftCardBalanceForm />
    </section>
  );
}
