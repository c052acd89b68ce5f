'use client';

import { useActionState } from 'react';
import { lookupOrderAction } from '@/lib/checkout/actions';
import { refusal } from '@/lib/http/action-result';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { OrderDetailView } from './order-detail';

export function OrderLookupForm() {
  const [state, action, pending] = useActionState(lookupOrderAction, null);
  const { errors, values } = refusal(state);
  return (
    <div className="flex flex-col gap-6">
      <form action={action} aria-label="Find your order" className="flex max-w-md flex-col gap-4">
        <div>
          <label htmlFor="lookup-number" className="block text-sm font-medium">
            Order number
          </label>
          <input id="lookup-number" name="number" defaultValue={values.number ?? ''} key={`n-${values.number ?? ''}`} required placeholder="SF-XXXXXXXX" aria-describedby={errors.number ? 'lookup-number-error' : undefined} className="mt-1 w-full rounded-md border border-zinc-300 px-3 py-2" />
          <FieldError id="lookup-number-error" errors={errors.number} />
        </div>
        <div>
          <label htmlFor="lookup-email" className="block text-sm font-medium">
            Email used for the order
          </label>
          <input id="lookup-email" name="email" defaultValue={values.email ?? ''} key={`e-${values.email ?? ''}`} type="email" autoComplete="email" required aria-describedby={errors.email ? 'lookup-email-error' : undefined} className="mt-1 w-full rounded-md border border-zinc-300 px-3 py-2" />
          <FieldError id="lookup-email-error" errors={errors.email} />
        </div>
        <SubmitButton pendingLabel="Looking up…" pending={pending}>
          Find order
        </SubmitButton>
        {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
      </form>
      {state?.ok ? <OrderDetailView order={state.data} /> : null}
    </div>
  );
}
