import { ActionForm } from '@/components/ui/action-form';
import { registerAction } from '@/lib/auth/actions';

/** For a guest, after the order: an account from the details they just typed, with only a password to choose. */
export function GuestAccountOffer({ name, email }: { name: string; email: string }) {
  return (
    <section aria-labelledby="create-account-heading" className="max-w-md rounded-lg border border-zinc-200 p-4">
      <h2 id="create-account-heading" className="font-semibold">
        Create an account with these details
      </h2>
      <p className="mt-1 text-sm text-zinc-700">Track your orders and check out faster next time. Just choose a password.</p>
      <div className="mt-4">
        <ActionForm
          action={registerAction}
          label="Create an account with these details"
          idPrefix="guest-account"
          submitLabel="Create account"
          pendingLabel="Creating account…"
          fields={[
            { name: 'name', label: 'Name', autoComplete: 'name', required: false, defaultValue: name },
            { name: 'email', label: 'Email', type: 'email', autoComplete: 'email', defaultValue: email },
            { name: 'password', label: 'Password', type: 'password', autoComplete: 'new-password', hint: 'At least 8 characters and hard to guess — a phrase of a few unrelated words works well.' },
          ]}
        />
      </div>
    </section>
  );
}
