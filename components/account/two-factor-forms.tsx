'use client';

import { AdminForm } from '@/components/admin/people/admin-form';
import { Link } from '@/components/ui/link';
import {
  confirmAccountTwoFactorAction,
  disableAccountTwoFactorAction,
  regenerateAccountRecoveryCodesAction,
  startAccountTwoFactorAction,
} from '@/lib/auth/two-factor-actions';

// The customer's two-factor forms. AdminForm is the kit's generic labelled form over a wrapped action (pending
// state, field errors under inputs, outcome announced); nothing in it is admin-only but its folder.

/** Recovery codes, shown once right after they were made; only their hashes are stored. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <section aria-labelledby="recovery-codes-heading" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4">
      <h3 id="recovery-codes-heading" className="font-semibold">
        Your recovery codes
      </h3>
      <p className="mt-1 text-sm">
        Save these somewhere safe now — they will not be shown again. Each one signs you in once if you lose your phone.
      </p>
      <ul aria-label="Recovery codes" className="mt-3 grid grid-cols-2 gap-1 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Link href="/account/security" className="mt-3 inline-block text-sm underline">
        I have saved my codes
      </Link>
    </section>
  );
}

export function StartTwoFactorForm() {
  return (
    <AdminForm
      action={startAccountTwoFactorAction}
      label="Set up two-factor"
      idPrefix="start"
      fields={[]}
      submitLabel="Set up two-factor"
      pendingLabel="Preparing…"
      successMessage="Scan the code below."
    />
  );
}

export function ConfirmTwoFactorForm() {
  return (
    <AdminForm
      action={confirmAccountTwoFactorAction}
      label="Confirm two-factor setup"
      idPrefix="confirm"
      fields={[{ name: 'code', label: 'Code from your app', autoComplete: 'one-time-code', inputMode: 'numeric' }]}
      submitLabel="Turn on two-factor"
      pendingLabel="Checking…"
      successMessage="Two-factor authentication is on."
      renderSuccess={(codes: string[]) => <RecoveryCodes codes={codes} />}
    />
  );
}

export function RegenerateCodesForm() {
  return (
    <AdminForm
      action={regenerateAccountRecoveryCodesAction}
      label="New recovery codes"
      idPrefix="regenerate"
      fields={[{ name: 'code', label: 'Current code', autoComplete: 'one-time-code', hint: 'A code from your app, or a recovery code.' }]}
      submitLabel="Make new recovery codes"
      pendingLabel="Making codes…"
      variant="secondary"
      successMessage="New recovery codes made; the old ones no longer work."
      renderSuccess={(codes: string[]) => <RecoveryCodes codes={codes} />}
    />
  );
}

export function DisableTwoFactorForm() {
  return (
    <AdminForm
      action={disableAccountTwoFactorAction}
      label="Turn off two-factor"
      idPrefix="disable"
      fields={[{ name: 'code', label: 'Current code', autoComplete: 'one-time-code', hint: 'A code from your app, or a recovery code.' }]}
      submitLabel="Turn off two-factor"
      pendingLabel="Turning off…"
      variant="secondary"
      successMessage="Two-factor authentication is off."
    />
  );
}
