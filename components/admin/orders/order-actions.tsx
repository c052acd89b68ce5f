'use client';

import { useActionState, type ReactNode } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { cancelOrderAction, fulfillOrderAction, markOrderDeliveredAction, markOrderPaidAction, refundOrderAction } from '@/lib/admin/orders/actions';
import type { ActionResult } from '@/lib/http/action';

// The staff moves on one order. The page passes the moves the state machine allows now; a form stays mounted after
// its move succeeds (so its outcome stays on screen) but offers its button only while the move is legal.

type MoveAction = (raw: FormData) => Promise<ActionResult<{ message: string }>>;
type MoveState =
  | { status: 'idle' }
  | { status: 'success'; message: string }
  | { status: 'error'; message: string; fieldErrors?: Record<string, string[]>; values: Record<string, string> };

function useMove(action: MoveAction) {
  return useActionState(async (_prev: MoveState, formData: FormData): Promise<MoveState> => {
    const result = await action(formData);
    if (result.ok) return { status: 'success', message: result.data.message };
    // React resets the form after the action; the typed values come back so a refusal never costs the typing.
    const values = Object.fromEntries([...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    return { status: 'error', message: result.message, fieldErrors: result.fieldErrors, values };
  }, { status: 'idle' } as MoveState);
}

function Outcome({ state }: { state: MoveState }) {
  if (state.status === 'idle') return null;
  return <FormMessage status={state.status} message={state.message} />;
}

function typed(state: MoveState, name: string): string | undefined {
  return state.status === 'error' ? state.values[name] : undefined;
}

const input = 'mt-1 w-full rounded-md border border-zinc-300 px-3 py-2 text-sm';

function Field(props: { id: string; label: string; name: string; errors?: string[]; hint?: string; optional?: boolean; children?: ReactNode } & React.InputHTMLAttributes<HTMLInputElement>) {
  const { id, label, errors, hint, optional, children, ...rest } = props;
  const describedBy = [errors ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {optional ? <span className="font-normal text-zinc-500"> (optional)</span> : null}
      </label>
      <input id={id} aria-invalid={errors ? true : undefined} aria-describedby={describedBy} className={input} {...rest} />
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

function SimpleMove({ number, legal, action, label, pendingLabel, formLabel }: { number: string; legal: boolean; action: MoveAction; label: string; pendingLabel: string; formLabel: string }) {
  const [state, formAction, pending] = useMove(action);
  if (!legal && state.status === 'idle') return null;
  return (
    <form action={formAction} aria-label={formLabel} className="flex flex-col gap-2">
      <input type="hidden" name="number" value={number} />
      {legal ? (
        <SubmitButton pending={pending} pendingLabel={pendingLabel}>
          {label}
        </SubmitButton>
      ) : null}
      <Outcome state={state} />
    </form>
  );
}

export type FulfilLine = { id: string; title: string; remaining: number };

function FulfilForm({ number, legal, lines }: { number: string; legal: boolean; lines: FulfilLine[] }) {
  const [state, formAction, pending] = useMove(fulfillOrderAction);
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  if (!legal && state.status === 'idle') return null;
  return (
    <form action={formAction} aria-label="Ship items" className="flex flex-col gap-3 rounded-md border border-zinc-200 bg-white p-4" noValidate>
      <input type="hidden" name="number" value={number} />
      {legal ? (
        <>
          <h3 className="font-semibold">Ship items</h3>
          <Field id="fulfil-carrier" name="carrier" label="Carrier" list="carrier-suggestions" required errors={errors.carrier} autoComplete="off" defaultValue={typed(state, 'carrier')} key={`carrier-${state.status}-${typed(state, 'carrier') ?? ''}`}>
            <datalist id="carrier-suggestions">
              {['UPS', 'USPS', 'FedEx', 'DHL'].map((carrier) => (
                <option key={carrier} value={carrier} />
              ))}
            </datalist>
          </Field>
          <Field id="fulfil-tracking" name="trackingNumber" label="Tracking number" required errors={errors.trackingNumber} autoComplete="off" defaultValue={typed(state, 'trackingNumber')} key={`tracking-${state.status}-${typed(state, 'trackingNumber') ?? ''}`} />
          <Field id="fulfil-url" name="trackingUrl" label="Tracking link" type="url" optional errors={errors.trackingUrl} defaultValue={typed(state, 'trackingUrl')} key={`url-${state.status}-${typed(state, 'trackingUrl') ?? ''}`} />
          <fieldset className="flex flex-col gap-2">
            <legend className="text-sm font-medium">Quantities in this parcel</legend>
            {lines
              .filter((line) => line.remaining > 0)
              .map((line) => (
                <Field
                  key={`${line.id}-${state.status}-${typed(state, `qty.${line.id}`) ?? ''}`}
                  id={`fulfil-qty-${line.id}`}
                  name={`qty.${line.id}`}
                  label={`Ship ${line.title}`}
                  type="number"
                  min={0}
                  max={line.remaining}
                  defaultValue={typed(state, `qty.${line.id}`) ?? line.remaining}
                  hint={`${line.remaining} left to ship`}
                  errors={errors[`qty.${line.id}`]}
                />
              ))}
            <FieldError id="fulfil-lines-error" errors={errors.lines} />
          </fieldset>
          <SubmitButton pending={pending} pendingLabel="Shipping…">
            Mark shipped
          </SubmitButton>
        </>
      ) : null}
      <Outcome state={state} />
    </form>
  );
}

function CancelForm({ number, legal }: { number: string; legal: boolean }) {
  const [state, formAction, pending] = useMove(cancelOrderAction);
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  if (!legal && state.status === 'idle') return null;
  return (
    <form action={formAction} aria-label="Cancel order" className="flex flex-col gap-3 rounded-md border border-zinc-200 bg-white p-4">
      <input type="hidden" name="number" value={number} />
      {legal ? (
        <>
          <h3 className="font-semibold">Cancel order</h3>
          <p className="text-xs text-zinc-600">Returns every item to stock. Any payment taken is refunded separately.</p>
          <Field id="cancel-reason" name="reason" label="Reason" optional errors={errors.reason} maxLength={300} defaultValue={typed(state, 'reason')} key={`reason-${state.status}-${typed(state, 'reason') ?? ''}`} />
          <SubmitButton pending={pending} pendingLabel="Cancelling…" variant="secondary">
            Cancel order
          </SubmitButton>
        </>
      ) : null}
      <Outcome state={state} />
    </form>
  );
}

function RefundForm({ number, legal, currency, refundable }: { number: string; legal: boolean; currency: string; refundable: string }) {
  const [state, formAction, pending] = useMove(refundOrderAction);
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  if (!legal && state.status === 'idle') return null;
  return (
    <form action={formAction} aria-label="Refund" className="flex flex-col gap-3 rounded-md border border-zinc-200 bg-white p-4" noValidate>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="currency" value={currency} />
      {legal ? (
        <>
          <h3 className="font-semibold">Refund</h3>
          <Field
            id="refund-amount"
            name="amount"
            label={`Amount (${currency})`}
            inputMode="decimal"
            required
            errors={errors.amount}
            hint={`Up to ${refundable} can be refunded.`}
            autoComplete="off"
            defaultValue={typed(state, 'amount')}
            key={`amount-${state.status}-${typed(state, 'amount') ?? ''}`}
          />
          <Field id="refund-reason" name="reason" label="Reason" optional errors={errors.reason} maxLength={300} defaultValue={typed(state, 'reason')} key={`refund-reason-${state.status}-${typed(state, 'reason') ?? ''}`} />
          <SubmitButton pending={pending} pendingLabel="Refunding…">
            Refund
          </SubmitButton>
        </>
      ) : null}
      <Outcome state={state} />
    </form>
  );
}

export function OrderActions(props: {
  number: string;
  transitions: string[];
  canRefund: boolean;
  currency: string;
  refundable: string;
  lines: FulfilLine[];
}) {
  const can = (move: string) => props.transitions.includes(move);
  const any = props.transitions.some((move) => move !== 'refund' || props.canRefund);
  return (
    <section aria-labelledby="order-actions-heading" className="flex flex-col gap-3">
      <h2 id="order-actions-heading" className="text-lg font-semibold">
        Actions
      </h2>
      {!any ? <p className="text-sm text-zinc-600">Nothing more can be done with this order.</p> : null}
      <SimpleMove number={props.number} legal={can('mark_paid')} action={markOrderPaidAction} label="Mark as paid" pendingLabel="Marking paid…" formLabel="Mark as paid" />
      <FulfilForm number={props.number} legal={can('fulfill')} lines={props.lines} />
      <SimpleMove number={props.number} legal={can('mark_delivered')} action={markOrderDeliveredAction} label="Mark as delivered" pendingLabel="Marking delivered…" formLabel="Mark as delivered" />
      {props.canRefund ? <RefundForm number={props.number} legal={can('refund')} currency={props.currency} refundable={props.refundable} /> : null}
      <CancelForm number={props.number} legal={can('cancel')} />
    </section>
  );
}
