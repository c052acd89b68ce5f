import type { Metadata } from 'next';
import { ActionForm } from '@/components/ui/action-form';
import { verifyEmailAction } from '@/lib/auth/actions';

export const metadata: Metadata = { title: 'Confirm your email', robots: { index: false }, referrer: 'no-referrer' };

// A button, not a GET side effect: mail scanners that open links must not confirm addresses on their own.
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <section aria-labelledby="verify-heading" className="mx-auto max-w-md">
      <h1 id="verify-heading" className="text-2xl font-bold">
        Confirm your email address
      </h1>
      <div className="mt-6">
        <ActionForm
          action={verifyEmailAction}
          label="Confirm your email address"
          submitLabel="Confirm my email"
          pendingLabel="Confirming…"
          fields={[{ name: 'token', label: '', type: 'hidden', defaultValue: typeof token === 'string' ? token : '' }]}
        />
      </div>
    </section>
  );
}
