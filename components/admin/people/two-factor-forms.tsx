'use client';

import Link from 'next/link';
import { AdminForm } from '@/components/admin/people/admin-form';
import { confirmTwoFactorAction, regenerateRecoveryCodesAction } from '@/lib/admin/security/actions';

/** Recovery codes, shown once right after they were made; only their hashes are stored. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <section aria-labelledby="recovery-codes-heading" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4">
      <h3 id="recovery-codes-heading" className="font-semibold">
        Your recovery codes
      </h3>
      <p className="mt-1 text-sm">
        Save these somewhere safe now — they will not be shown again. Each one signs you in once if you lose your authenticator.
      </p>
      <ul aria-label="Recovery codes" className="mt-3 grid grid-cols-2 gap-1 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Link href="/admin/security" className="mt-3 inline-block text-sm underline">
        I have saved my codes
      </Link>
    </section>
  );
}

export function ConfirmTwoFactorForm() {
  return (
    <AdminForm
      action={confirmTwoFactorAction}
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
      action={regenerateRecoveryCodesAction}
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
