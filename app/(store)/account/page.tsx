import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccountNav } from '@/components/account/account-nav';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { SignOutButton } from '@/components/account/sign-out-button';
import { ActionForm } from '@/components/ui/action-form';
import { changeEmailAction, changePasswordAction, updateProfileAction } from '@/lib/auth/actions';
import { getProfile } from '@/lib/auth/service';
import { requireUser } from '@/lib/auth/session';
import { StoreCreditSummary } from '@/components/gift-cards/store-credit-summary';
import { getCustomerCredit } from '@/lib/gift-cards/queries';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

export default async function AccountPage() {
  const user = await requireUser('/account');
  const [profile, credit] = await Promise.all([getProfile(user.id), getCustomerCredit(user.id)]);
  if (!profile) notFound();
  return (
    <section aria-labelledby="account-heading" className="flex flex-col gap-8">
      <div className="flex items-center justify-between">
        <h1 id="account-heading" className="text-2xl font-bold">
          Your account
        </h1>
        <SignOutButton />
      </div>
      <AccountNav />
      <p className="text-sm">
        Signed in as <strong>{profile.email}</strong>
        {profile.emailVerified ? ' (verified)' : ' (not verified yet — check your inbox)'}
      </p>
      <StoreCreditSummary credit={credit} />
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading" className="mb-3 text-lg font-semibold">
          Profile
        </h2>
        <ActionForm
          action={updateProfileAction}
          label="Profile"
          submitLabel="Save profile"
          pendingLabel="Saving…"
          fields={[{ name: 'name', label: 'Name', autoComplete: 'name', required: false, defaultValue: profile.name }]}
        />
      </section>
      <section aria-labelledby="email-heading">
        <h2 id="email-heading" className="mb-3 text-lg font-semibold">
          Change email
        </h2>
        <ActionForm
          action={changeEmailAction}
          idPrefix="email-change"
          label="Change email"
          submitLabel="Change email"
          pendingLabel="Changing…"
          fields={[
            { name: 'email', label: 'New email', type: 'email', autoComplete: 'email', hint: 'We send a confirmation link there, and tell your current address. Signs out all your sessions.' },
            { name: 'currentPassword', label: 'Current password', type: 'password', autoComplete: 'current-password' },
          ]}
        />
      </section>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading" className="mb-3 text-lg font-semibold">
          Change password
        </h2>
        <ActionForm
          action={changePasswordAction}
          label="Change password"
          submitLabel="Change password"
          pendingLabel="Changing…"
          fields={[
            { name: 'currentPassword', label: 'Current password', type: 'password', autoComplete: 'current-password' },
            { name: 'password', label: 'New password', type: 'password', autoComplete: 'new-password', hint: 'At least 8 characters and hard to guess — a phrase of a few unrelated words works well. Signs out all your sessions.' },
          ]}
        />
      </section>
      <section aria-labelledby="data-heading" className="flex flex-col gap-3">
        <h2 id="data-heading" className="text-lg font-semibold">
          Your data
        </h2>
        <p className="max-w-prose text-sm">
          Download a copy of what we hold about you — your profile, saved addresses, orders and cart — as a JSON file.
        </p>
        <p>
          {/* A plain link to a route handler: the browser downloads it, with or without JavaScript. */}
          <a href="/api/account/export" download className="inline-block rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
            Download your data
          </a>
        </p>
      </section>
      <section aria-labelledby="delete-heading" className="flex flex-col gap-3">
        <h2 id="delete-heading" className="text-lg font-semibold">
          Delete account
        </h2>
        <p className="max-w-prose text-sm">
          Your name, email, password, addresses and cart are erased and you are signed out everywhere. Orders are kept
          for our accounts, as the law requires, but without your name, email, phone or street address.
        </p>
        <DeleteAccountForm />
      </section>
    </section>
  );
}
