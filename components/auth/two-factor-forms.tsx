'use client';

import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import type { FormAction } from '@/lib/http/action-result';

// The two-factor forms staff (/admin/security) and customers (/account/security) share: the same steps over each
// audience's own actions. ActionForm is the generic labelled form over a wrapped action (pending state, field errors
// under inputs, outcome announced); nothing in it is admin-only but its folder.

type CodesAction = FormAction<string[]>;

/** Recovery codes, shown once right after they were made; only their hashes are stored. */
function RecoveryCodes({ codes, doneHref }: { codes: string[]; doneHref: string }) {
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
      <Link href={doneHref} className="mt-3 inline-block text-sm underline">
        I have saved my codes
      </Link>
    </section>
  );
}

const CURRENT_CODE = { name: 'code', label: 'Current code', autoComplete: 'one-time-code', hint: 'A code from your app, or a recovery code.' };

export function ConfirmTwoFactorForm({ action, doneHref }: { action: CodesAction; doneHref: string }) {
  return (
    <ActionForm
      action={action}
      label="Confirm two-factor setup"
      idPrefix="confirm"
      fields={[{ name: 'code', label: 'Code from your app', autoComplete: 'one-time-code', inputMode: 'numeric' }]}
      submitLabel="Turn on two-factor"
      pendingLabel="Checking…"
      successMessage="Two-factor authentication is on."
      renderSuccess={(codes: string[]) => <RecoveryCodes codes={codes} doneHref={doneHref} />}
    />
  );
}

export function RegenerateCodesForm({ action, doneHref }: { action: CodesAction; doneHref: string }) {
  return (
    <ActionForm
      action={action}
      label="New recovery codes"
      idPrefix="regenerate"
      fields={[CURRENT_CODE]}
      submitLabel="Make new recovery codes"
      pendingLabel="Making codes…"
      variant="secondary"
      successMessage="New recovery codes made; the old ones no longer work."
      renderSuccess={(codes: string[]) => <RecoveryCodes codes={codes} doneHref={doneHref} />}
    />
  );
}

export function DisableTwoFactorForm({ action }: { action: FormAction<null> }) {
  return (
    <ActionForm
      action={action}
      label="Turn off two-factor"
      idPrefix="disable"
      fields={[CURRENT_CODE]}
      submitLabel="Turn off two-factor"
      pendingLabel="Turning off…"
      variant="secondary"
      successMessage="Two-factor authentication is off."
    />
  );
}

export function StartTwoFactorForm({ action }: { action: FormAction<null> }) {
  return (
    <ActionForm
      action={action}
      label="Set up two-factor"
      idPrefix="start"
      fields={[]}
      submitLabel="Set up two-factor"
      pendingLabel="Preparing…"
      successMessage="Scan the code below."
    />
  );
}
