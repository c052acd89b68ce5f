'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { answerKey, type FormAction, refusal } from '@/lib/http/action-result';
import { formatMoney, money } from '@/lib/money';
import type { ReturnableOrder } from '@/lib/returns/types';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionOutcome } from '@/components/ui/use-action-outcome';

const inputClass = 'mt-1 w-full rounded-md border border-zinc-300 px-3 py-2';

type Created = { number: string };

/**
 * The return request: for each line still returnable, how many and whether for a refund or another size/colour; a
 * reason and a comment; the refund's destination when the shop lets the customer choose. Used by the account page,
 * the guest page (with the email as a hidden field) and staff opening a return for a customer.
 */
export function ReturnRequestForm({
  order,
  action,
  hidden = {},
  returnHref,
  label = 'Request a return',
  submitLabel = 'Request return',
}: {
  order: ReturnableOrder;
  action: FormAction<Created>;
  hidden?: Record<string, string>;
  /** Where a created return is shown ("/account/returns/"); the number is appended. */
  returnHref?: string;
  label?: string;
  submitLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const { errors, values } = refusal(state);
  const round = answerKey(state);
  useActionOutcome(state);
  if (state?.ok) {
    return (
      <div className="flex flex-col gap-3 rounded-lg border border-green-300 bg-green-50 p-4" role="status">
        <p className="font-semibold">Return {state.data.number} requested</p>
        <p className="text-sm">{state.message}</p>
        {returnHref ? (
          <Link href={`${returnHref}${state.data.number}`} className="text-sm font-medium underline">
            View return {state.data.number}
          </Link>
        ) : null}
      </div>
    );
  }
  const lines = order.lines.filter((line) => line.remaining > 0);
  const fmt = (cents: number) => formatMoney(money(cents, order.currency));
  return (
    <form action={formAction} aria-label={label} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="number" value={order.number} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ul className="flex flex-col gap-4" aria-label="Items">
        {lines.map((line) => {
          const qtyId = `return-qty-${line.id}`;
          const exchangeId = `return-exchange-${line.id}`;
          const qtyErrors = errors[`qty_${line.id}`];
          const exchangeErrors = errors[`exchange_${line.id}`];
          return (
            <li key={line.id}>
              <fieldset className="rounded-lg border border-zinc-200 p-4">
                <legend className="px-1 font-medium">
                  {line.productTitle} ({line.variantTitle})
                </legend>
                <p className="text-sm text-zinc-600">
                  {fmt(line.unitPriceCents)} each · {line.remaining} of {line.quantity} can be returned
                </p>
                <div className="mt-3 grid gap-3 sm:grid-cols-2">
                  <div>
                    <label htmlFor={qtyId} className="block text-sm font-medium">
                      Quantity to return
                    </label>
                    <select
                      id={qtyId}
                      name={`qty_${line.id}`}
                      key={`${qtyId}-${round}`}
                      defaultValue={values[`qty_${line.id}`] ?? '0'}
                      aria-invalid={qtyErrors ? true : undefined}
                      aria-describedby={qtyErrors ? `${qtyId}-error` : undefined}
                      className={inputClass}
                    >
                      {Array.from({ length: line.remaining + 1 }, (_, n) => (
                        <option key={n} value={String(n)}>
                          {n === 0 ? 'Keep it' : String(n)}
                        </option>
                      ))}
                    </select>
                    <FieldError id={`${qtyId}-error`} errors={qtyErrors} />
                  </div>
                  <div>
                    <label htmlFor={exchangeId} className="block text-sm font-medium">
                      Refund or exchange
                    </label>
                    <select
                      id={exchangeId}
                      name={`exchange_${line.id}`}
                      key={`${exchangeId}-${round}`}
                      defaultValue={values[`exchange_${line.id}`] ?? ''}
                      aria-invalid={exchangeErrors ? true : undefined}
                      aria-describedby={exchangeErrors ? `${exchangeId}-error` : undefined}
                      className={inputClass}
                    >
                      <option value="">Refund</option>
                      {line.exchangeOptions.map((option) => (
                        <option key={option.id} value={option.id}>
                          Exchange for {option.title}
                        </option>
                      ))}
                    </select>
                    <FieldError id={`${exchangeId}-error`} errors={exchangeErrors} />
                  </div>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <FieldError id="return-lines-error" errors={errors.lines} />
      <div>
        <label htmlFor="return-reason" className="block text-sm font-medium">
          Reason
        </label>
        <select id="return-reason" name="reason" key={`reason-${round}`} defaultValue={values.reason ?? ''} required aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? 'return-reason-error' : undefined} className={inputClass}>
          <option value="" disabled>
            Choose a reason
          </option>
          {order.reasons.map((reason) => (
            <option key={reason} value={reason}>
              {reason}
            </option>
          ))}
        </select>
        <FieldError id="return-reason-error" errors={errors.reason} />
      </div>
      <div>
        <label htmlFor="return-comment" className="block text-sm font-medium">
          Comment (optional)
        </label>
        <textarea id="return-comment" name="comment" rows={3} key={`comment-${round}`} defaultValue={values.comment ?? ''} maxLength={1000} aria-invalid={errors.comment ? true : undefined} aria-describedby={errors.comment ? 'return-comment-error' : undefined} className={inputClass} />
        <FieldError id="return-comment-error" errors={errors.comment} />
      </div>
      {order.refundChoice ? (
        <div>
          <label htmlFor="return-refund-method" className="block text-sm font-medium">
            Refund to
          </label>
          <select id="return-refund-method" name="refundMethod" key={`method-${round}`} defaultValue={values.refundMethod ?? 'original_payment'} className={inputClass}>
            <option value="original_payment">My original payment</option>
            <option value="store_credit">Store credit</option>
          </select>
        </div>
      ) : null}
      <p className="text-sm text-zinc-600">
        {order.shippingFeeCents > 0 ? `Return shipping of ${formatMoney(money(order.shippingFeeCents, order.currency))} is deducted from refunds.` : 'Returns are free.'}{' '}
        {order.refundDestination === 'store_credit' ? 'Refunds are paid as store credit.' : ''}
      </p>
      <div>
        <SubmitButton pendingLabel="Sending request…" pending={pending}>
          {submitLabel}
        </SubmitButton>
      </div>
      {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
    </form>
  );
}
