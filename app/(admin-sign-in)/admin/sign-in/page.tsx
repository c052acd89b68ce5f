import { NextIntlClientProvider } from 'next-intl';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/account/sign-in-form';
import { StoreLogo } from '@/components/layout/store-logo';
import { getSessionUser } from '@/lib/auth/session';
import { getCachedStoreInfo } from '@/lib/catalog/cache';
import { meetsPolicy } from '@/lib/http/policy';
import { safeReturnPath } from '@/lib/http/safe-redirect';

export const metadata: Metadata = { title: 'Admin sign-in', robots: { index: false, follow: false } };

/** Only a place in the panel: this page signs staff in to the admin, never to a storefront page. */
function panelPath(value: unknown): string {
  const path = safeReturnPath(value, '/admin');
  return /^\/admin(?:[/?#]|$)/.test(path) && !path.startsWith('/admin/sign-in') ? path : '/admin';
}

// The panel's own sign-in, outside both the storefront's chrome and the panel's (app/admin/layout.tsx needs a
// session): the same form, actions, two-factor step and rate limits as the shoppers' sign-in, with nothing of the
// shop around it — no sign-up, no order lookup.
export default async function AdminSignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  const returnTo = panelPath(callbackUrl);
  const user = await getSessionUser();
  if (user && meetsPolicy('staff', user)) redirect(returnTo);
  const store = await getCachedStoreInfo();
  return (
    <main id="main" className="flex flex-1 items-start justify-center bg-zinc-50 px-4 py-12 sm:items-center">
      <section aria-labelledby="admin-sign-in-heading" className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
        <div className="mb-6 flex flex-col items-center gap-2 text-center">
          <StoreLogo storeName={store.name} logoUrl={store.logoUrl} className={store.logoUrl ? 'h-10 w-auto' : 'text-lg font-bold tracking-tight'} />
          <h1 id="admin-sign-in-heading" className="text-xl font-semibold">
            Sign in to the admin
          </h1>
        </div>
        {/* The storefront's sign-in form, with its messages (the admin's own pages take none: they are in English). */}
        <NextIntlClientProvider>
          <SignInForm callbackUrl={returnTo} />
        </NextIntlClientProvider>
        <p className="mt-6 text-sm">
          <Link href="/account/forgot-password" className="underline">
            Forgot your password?
          </Link>
        </p>
        <p className="mt-2 text-sm">
          <Link href="/" className="underline">
            Back to {store.name}
          </Link>
        </p>
      </section>
    </main>
  );
}
