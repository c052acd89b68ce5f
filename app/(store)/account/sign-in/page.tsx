import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { SignInForm } from '@/components/account/sign-in-form';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; changed?: string }> }) {
  const { callbackUrl, changed } = await searchParams;
  return (
    <section aria-labelledby="sign-in-heading" className="mx-auto max-w-md">
      <h1 id="sign-in-heading" className="text-2xl font-bold">
        Sign in
      </h1>
      {changed ? (
        <p role="status" className="mt-2 text-sm text-green-800">
          {changed === 'email'
            ? 'Your email address was changed. Please sign in again with the new address, and confirm it with the link we sent there.'
            : 'Your password was changed. Please sign in again.'}
        </p>
      ) : null}
      <div className="mt-6">
        <SignInForm callbackUrl={typeof callbackUrl === 'string' ? callbackUrl : ''} />
      </div>
      <p className="mt-6 text-sm">
        <Link href="/account/forgot-password" className="underline">
          Forgot your password?
        </Link>
      </p>
      <p className="mt-2 text-sm">
        New here?{' '}
        <Link href="/account/register" className="underline">
          Create an account
        </Link>
      </p>
      <p className="mt-2 text-sm">
        Ordered without an account?{' '}
        <Link href="/orders/lookup" className="underline">
          Look up your order
        </Link>
      </p>
    </section>
  );
}
