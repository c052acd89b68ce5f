'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { type SecondFactorStep, signInAction, signInCodeAction } from '@/lib/auth/actions';
import { refusal } from '@/lib/http/action-result';

const input = 'mt-1 w-full rounded-md border border-zinc-300 px-3 py-2';

/** Email and password; for an account with two-factor on, a second step asks for the authenticator code. */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [passwordState, passwordAction, passwordPending] = useActionState(signInAction, null);
  const t = useTranslations('Account');
  if (passwordState?.ok) return <CodeStep step={passwordState.data} />;
  const { errors, values } = refusal(passwordState);
  return (
    <form action={passwordAction} aria-label={t('signIn')} className="flex max-w-md flex-col gap-4" noValidate>
      <div>
        <label htmlFor="sign-in-email" className="block text-sm font-medium">
          {t('email')}
        </label>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values.email}
          key={`email-${values.email ?? ''}`}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? 'sign-in-email-error' : undefined}
          className={input}
        />
        <FieldError id="sign-in-email-error" errors={errors.email} />
      </div>
      <div>
        <label htmlFor="sign-in-password" className="block text-sm font-medium">
          {t('password')}
        </label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? 'sign-in-password-error' : undefined}
          className={input}
        />
        <FieldError id="sign-in-password-error" errors={errors.password} />
      </div>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <SubmitButton pendingLabel={t('signingIn')} pending={passwordPending}>
        {t('signIn')}
      </SubmitButton>
      {passwordState && !passwordState.ok ? <FormMessage status="error" message={passwordState.message} /> : null}
    </form>
  );
}

function CodeStep({ step }: { step: SecondFactorStep }) {
  // A wrong code keeps the same ticket (this step's props); its message sits under the code field.
  const [state, action, pending] = useActionState(signInCodeAction, null);
  const codeError = state && !state.ok ? state.fieldErrors?.code?.join(' ') : undefined;
  return (
    <form action={action} aria-label="Two-factor sign-in" className="flex max-w-md flex-col gap-4" noValidate>
      <p className="text-sm text-zinc-700">
        Your account has two-factor authentication. Enter the 6-digit code from your authenticator app, or one of your recovery codes.
      </p>
      <div>
        <label htmlFor="sign-in-code" className="block text-sm font-medium">
          Authentication code
        </label>
        <input
          id="sign-in-code"
          name="code"
          type="text"
          inputMode="text"
          autoComplete="one-time-code"
          required
          autoFocus
          key={codeError ?? 'code'}
          aria-invalid={codeError ? true : undefined}
          aria-describedby={codeError ? 'sign-in-code-error' : undefined}
          className={input}
        />
        <FieldError id="sign-in-code-error" errors={codeError ? [codeError] : undefined} />
      </div>
      <input type="hidden" name="ticket" value={step.ticket} />
      <input type="hidden" name="callbackUrl" value={step.callbackUrl} />
      <SubmitButton pendingLabel="Checking…" pending={pending}>
        Verify
      </SubmitButton>
      {codeError ? <FormMessage status="error" message={codeError} /> : null}
      {state && !state.ok && !codeError ? <FormMessage status="error" message={state.message} /> : null}
    </form>
  );
}
