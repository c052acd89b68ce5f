'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { type FormAction, refusal } from '@/lib/http/action-result';

// The two-factor forms staff (/admin/security) and customers (/account/security) share: the same steps over each
// audience's own actions. ActionForm is the generic labelled form over a wrapped action (pending state, field errors
// under inputs, outcome announced); nothing in it is admin-only but its folder.

type CodesAction = FormAction<string[]>;

/** Recovery codes, shown once right after they were made; only their hashes are stored. */
export function RecoveryCodes({ codes, doneHref }: { codes: string[]; doneHref: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const text = `${codes.join('\n')}\n`;
  // A data: link, so the download needs no script and no request: the codes never leave the browser again.
  const file = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
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
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="button" onClick={copy} className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
          Copy codes
        </button>
        <a href={file} download="recovery-codes.txt" className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
          Download as .txt
        </a>
        <span role="status" className="text-sm">
          {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Could not copy here: select the codes, or download them.' : ''}
        </span>
      </div>
      <Link href={doneHref} className="mt-3 inline-block text-sm underline">
        I have saved my codes
      </Link>
    </section>
  );
}

const totpInput = 'mt-1 w-full rounded-md border border-zinc-300 px-3 py-2';

/**
 * The set-up step: the QR code and key, and the code that turns two-factor on. Once it is on, the QR code and the
 * form give way to the outcome and the recovery codes (shown this once); "I have saved my codes" reloads the page
 * in its "on" state.
 */
export function TwoFactorSetup({ qr, secret, action, doneHref }: { qr: string; secret: string; action: CodesAction; doneHref: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <div>
        <p role="status" className="text-sm">
          Two-factor authentication is <strong>on</strong>. From now on, signing in also asks for a code from your app.
        </p>
        <RecoveryCodes codes={state.data} doneHref={doneHref} />
      </div>
    );
  }
  const { errors } = refusal(state);
  const codeErrors = errors.code;
  return (
    <>
      <p className="text-sm">Scan this QR code with an authenticator app (or type the key in), then enter the 6-digit code it shows.</p>
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={qr} width={200} height={200} alt="QR code for your authenticator app" />
      <p className="text-sm break-all">
        Key:{' '}
        <code data-testid="totp-secret" aria-label="Secret key" className="rounded bg-zinc-100 px-1 font-mono">
          {secret}
        </code>
      </p>
      <form action={formAction} aria-label="Confirm two-factor setup" noValidate className="flex max-w-xl flex-col gap-4">
        <div>
          <label htmlFor="confirm-code" className="block text-sm font-medium">
            Code from your app
          </label>
          <input
            id="confirm-code"
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            key={state ? 'refused' : 'idle'}
            aria-invalid={codeErrors ? true : undefined}
            aria-describedby={codeErrors ? 'confirm-code-error' : undefined}
            className={totpInput}
          />
          <FieldError id="confirm-code-error" errors={codeErrors} />
        </div>
        <div>
          <SubmitButton pendingLabel="Checking…" pending={pending}>
            Turn on two-factor
          </SubmitButton>
        </div>
        {state && !state.ok ? <FormMessage status="error" message={errors._?.join(' ') ?? state.message} /> : null}
      </form>
    </>
  );
}

const CURRENT_CODE = { name: 'code', label: 'Current code', autoComplete: 'one-time-code', hint: 'A code from your app, or a recovery code.' };

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
