import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { ActionForm } from '@/components/ui/action-form';
import { resetPasswordAction } from '@/lib/auth/actions';

export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false }, referrer: 'no-referrer' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <section aria-labelledby="reset-heading" className="mx-auto max-w-md">
      <h1 id="reset-heading" className="text-2xl font-bold">
        Choose a new password
      </h1>
      <div className="mt-6">
        <ActionForm
          action={resetPasswordAction}
          label="Choose a new password"
          submitLabel="Set new password"
          pendingLabel="Saving…"
          fields={[
            { name: 'token', label: '', type: 'hidden', defaultValue: typeof token === 'string' ? token : '' },
            { name: 'password', label: 'New password', type: 'password', autoComplete: 'new-password', hint: 'At least 8 characters and hard to guess — a phrase of a few unrelated words works well.' },
          ]}
        />
      </div>
      <p className="mt-6 text-sm">
        <Link href="/account/sign-in" className="underline">
          Go to sign in
        </Link>
      </p>
    </section>
  );
}
