'use client';

import { useActionState } from 'react';
import { lookupReturnableOrderAction, requestGuestReturnAction } from '@/lib/returns/actions';
import { answerKey, refusal } from '@/lib/http/action-result';
import { RETURN_STATUS_LABELS } from '@/lib/returns/types';
import { Badge } from '@/components/ui/badge';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { ReturnRequestForm } from './return-request-form';

/** A guest finds their order by number and email, sees its returns so far, and asks for a new one. */
export function GuestReturnFlow() {
  const [state, action, pending] = useActionState(lookupReturnableOrderAction, null);
  const { errors, values } = refusal(state);
  const round = answerKey(state);
  const found = state?.ok ? state.data : null;
  const open = found ? found.order.refusal === null && found.order.lines.some((line) => line.remaining > 0) : false;
  return (
    <div className="flex flex-col gap-8">
      <form action={action} aria-label="Find your order to return" noValidate className="flex max-w-md flex-col gap-4">
        <div>
          <label htmlFor="return-lookup-number" className="block text-sm font-medium">
            Order number
          </label>
          <input id="return-lookup-number" name="number" key={`n-${round}`} defaultValue={values.number ?? found?.order.number ?? ''} required placeholder="SF-XXXXXXXX" aria-invalid={errors.number ? true : undefined} aria-describedby={errors.number ? 'return-lookup-number-error' : undefined} className="mt-1 w-full rounded-md border border-zinc-300 px-3 py-2" />
          <FieldError id="return-lookup-number-error" errors={errors.number} />
        </div>
        <div>
          <label htmlFor="return-lookup-email" className="block text-sm font-medium">
            Email used for the order
          </label>
          <input id="return-lookup-email" name="email" type="email" autoComplete="email" key={`e-${round}`} defaultValue={values.email ?? found?.email ?? ''} required aria-invalid={errors.email ? true : undefined} aria-describedby={errors.email ? 'return-lookup-email-error' : undefined} className="mt-1 w-full rounded-md border border-zinc-300 px-3 py-2" />
          <FieldError id="return-lookup-email-error" errors={errors.email} />
        </div>
        <div>
          <SubmitButton pendingLabel="Looking up…" pending={pending}>
            Find order
          </SubmitButton>
        </div>
        {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
      </form>
      {found ? (
        <section aria-labelledby="guest-return-heading" className="flex max-w-2xl flex-col gap-4">
          <h2 id="guest-return-heading" className="text-xl font-semibold">
            Order {found.order.number}
          </h2>
          {found.returns.length > 0 ? (
            <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200" aria-label="Returns">
              {found.returns.map((item) => (
                <li key={item.number} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                  <span className="font-medium">{item.number}</span>
                  <span>
                    {item.itemCount} item{item.itemCount === 1 ? '' : 's'}
                  </span>
                  <Badge tone="info">{RETURN_STATUS_LABELS[item.status]}</Badge>
                </li>
              ))}
            </ul>
          ) : null}
          {open ? (
            <ReturnRequestForm key={found.order.number} order={found.order} action={requestGuestReturnAction} hidden={{ email: found.email }} />
          ) : (
            <p className="text-zinc-700">{found.order.refusal ?? 'Everything returnable in this order has already been returned.'}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
