import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { ActionForm } from '@/components/ui/action-form';
import { registerAction } from '@/lib/auth/actions';

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <section aria-labelledby="register-heading" className="mx-auto max-w-md">
      <h1 id="register-heading" className="text-2xl font-bold">
        Create an account
      </h1>
      <div className="mt-6">
        <ActionForm
          action={registerAction}
          label="Create an account"
          submitLabel="Create account"
          pendingLabel="Creating account…"
          fields={[
            { name: 'name', label: 'Name', autoComplete: 'name', required: false },
            { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
            { name: 'password', label: 'Password', type: 'password', autoComplete: 'new-password', hint: 'At least 8 characters and hard to guess — a phrase of a few unrelated words works well.' },
            // Where the new account lands, signed in (e.g. back to the checkout); checked by safeReturnPath.
            { name: 'callbackUrl', label: 'Return to', type: 'hidden', defaultValue: typeof callbackUrl === 'string' ? callbackUrl : '/account' },
          ]}
        />
      </div>
      <p className="mt-6 text-sm">
        Already have an account?{' '}
        <Link href="/account/sign-in" className="underline">
          Sign in
        </Link>
      </p>
    </section>
  );
}
