'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { deleteAccountAction } from '@/lib/customers/actions';
import { refusal } from '@/lib/http/action-result';

/** Delete the account: password again plus an explicit tick. On success the action signs out and redirects. */
export function DeleteAccountForm() {
  const [state, action, pending] = useActionState(deleteAccountAction, null);
  const { errors, values } = refusal(state);
  return (
    <form action={action} aria-label="Delete account" className="flex max-w-md flex-col gap-4" noValidate>
      <div>
        <label htmlFor="delete-password" className="block text-sm font-medium">
          Your password
        </label>
        <input
          id="delete-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? 'delete-password-error' : undefined}
          key={`password-${state === null ? 'idle' : state.ok ? 'ok' : 'refused'}`}
          className="mt-1 w-full rounded-md border border-zinc-300 px-3 py-2"
        />
        <FieldError id="delete-password-error" errors={errors.password} />
      </div>
      <div>
        <div className="flex items-start gap-2">
          <input
            id="delete-confirm"
            name="confirm"
            type="checkbox"
            defaultChecked={values.confirm === 'on'}
            key={`confirm-${values.confirm ?? ''}`}
            aria-invalid={errors.confirm ? true : undefined}
            aria-describedby={errors.confirm ? 'delete-confirm-error' : undefined}
            className="mt-1 h-4 w-4"
          />
          <label htmlFor="delete-confirm" className="text-sm">
            I understand that my account, addresses and saved cart are deleted for good, and that I will be signed out.
          </label>
        </div>
        <FieldError id="delete-confirm-error" errors={errors.confirm} />
      </div>
      <div>
        <SubmitButton pendingLabel="Deleting…" pending={pending} className="bg-red-700 hover:bg-red-800">
          Delete my account
        </SubmitButton>
      </div>
      {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
    </form>
  );
}
