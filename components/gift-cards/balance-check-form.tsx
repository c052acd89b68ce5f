'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { checkGiftCardBalanceAction } from '@/lib/gift-cards/actions';
import { refusal } from '@/lib/http/action-result';
import { formatMoney, money } from '@/lib/money';

const STATUS: Record<string, string> = { active: 'Active', spent: 'Fully spent', expired: 'Expired', disabled: 'Disabled' };

export function GiftCardBalanceForm() {
  const [state, action, pending] = useActionState(checkGiftCardBalanceAction, null);
  const { errors, values } = refusal(state);
  const balance = state?.ok ? state.data : null;
  return (
    <div className="flex flex-col gap-4">
      <form action={action} aria-label="Check a gift card balance" className="flex flex-col gap-3">
        <div>
          <label htmlFor="balance-code" className="block text-sm font-medium">
            Gift card code
          </label>
          <input
            id="balance-code"
            name="code"
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            placeholder="XXXX-XXXX-XXXX-XXXX"
            defaultValue={values.code ?? ''}
            key={`c-${values.code ?? ''}`}
            aria-invalid={errors.code ? true : undefined}
            aria-describedby={errors.code ? 'balance-code-error' : undefined}
            className="mt-1 w-full rounded-md border border-zinc-300 px-3 py-2 font-mono"
          />
          <FieldError id="balance-code-error" errors={errors.code} />
        </div>
        <SubmitButton pendingLabel="Checking…" pending={pending}>
          Check balance
        </SubmitButton>
        {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
      </form>
      {balance ? (
        <section aria-label="Gift card balance" role="status" className="rounded-lg border border-zinc-200 p-4">
          <p className="text-sm text-zinc-600">Gift card •••• {balance.lastFour}</p>
          <p className="mt-1 text-2xl font-semibold" data-testid="gift-card-balance">
            {formatMoney(money(balance.balanceCents, balance.currency))}
          </p>
          <p className="mt-1 text-sm">
            {STATUS[balance.status]}
            {balance.expiresAt ? ` · valid until ${new Date(balance.expiresAt).toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: 'UTC' })}` : ' · no expiry'}
          </p>
        </section>
      ) : null}
    </div>
  );
}
