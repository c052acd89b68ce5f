import { getTranslations } from 'next-intl/server';
import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { SignInForm } from '@/components/account/sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Account');
  return { title: t('signInTitle'), robots: { index: false } };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; changed?: string }> }) {
  const [{ callbackUrl, changed }, t] = await Promise.all([searchParams, getTranslations('Account')]);
  return (
    <section aria-labelledby="sign-in-heading" className="mx-auto max-w-md">
      <h1 id="sign-in-heading" className="text-2xl font-bold">
        {t('signInTitle')}
      </h1>
      {changed ? (
        <p role="status" className="mt-2 text-sm text-green-800">
          {changed === 'email' ? t('emailChanged') : t('passwordChanged')}
        </p>
      ) : null}
      <div className="mt-6">
        <SignInForm callbackUrl={typeof callbackUrl === 'string' ? callbackUrl : ''} />
      </div>
      <p className="mt-6 text-sm">
        <Link href="/account/forgot-password" className="underline">
          {t('forgotPassword')}
        </Link>
      </p>
      <p className="mt-2 text-sm">
        {t('newHere')}{' '}
        <Link href="/account/register" className="underline">
          {t('createAccount')}
        </Link>
      </p>
      <p className="mt-2 text-sm">
        {t('orderedWithout')}{' '}
        <Link href="/orders/lookup" className="underline">
          {t('lookUpOrder')}
        </Link>
      </p>
    </section>
  );
}
