'use client';

import { adminSignOutAction, signOutAction } from '@/lib/auth/actions';
import { SubmitButton } from '@/components/ui/submit-button';

/** Sign out; from the admin panel (`to="admin"`) it lands on the admin sign-in page, elsewhere on the store. */
export function SignOutButton({ to = 'store' }: { to?: 'store' | 'admin' }) {
  return (
    <form action={to === 'admin' ? adminSignOutAction : signOutAction}>
      <SubmitButton variant="secondary" pendingLabel="Signing out…">
        Sign out
      </SubmitButton>
    </form>
  );
}
