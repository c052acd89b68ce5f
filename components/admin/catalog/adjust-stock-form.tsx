'use client';

import { useActionState, useEffect, useState } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useToast } from '@/components/ui/toast-context';
import { adjustStockAction, setStockAction } from '@/lib/admin/inventory/actions';
import { StockChangeFields, StockNoteField } from './stock-change-fields';
import { answerKey, refusal } from '@/lib/http/action-result';

const input = 'mt-1 w-full rounded-md border border-zinc-300 px-3 py-2';

/** "Change by" a delivery or a breakage, or "Set to" a count: the change is then worked out against the stock at that moment. */
export function AdjustStockForm({ variantId }: { variantId: string }) {
  const [mode, setMode] = useState<'change' | 'set'>('change');
  const [changeState, change, changing] = useActionState(adjustStockAction, null);
  const [setState, set, setting] = useActionState(setStockAction, null);
  const state = mode === 'change' ? changeState : setState;
  const pending = changing || setting;
  const { errors, values } = refusal(state);
  const notify = useToast();
  useEffect(() => {
    if (changeState?.ok) notify?.success(changeState.message ?? 'Stock adjusted.');
  }, [changeState, notify]);
  useEffect(() => {
    if (setState?.ok) notify?.success(setState.message ?? 'Stock set.');
  }, [setState, notify]);
  return (
    <form action={mode === 'change' ? change : set} aria-label="Adjust stock" className="grid max-w-md gap-3">
      <input type="hidden" name="variantId" value={variantId} />
      <fieldset className="flex flex-wrap gap-2">
        <legend className="mb-1 text-sm font-medium">How</legend>
        {(
          [
            ['change', 'Change by'],
            ['set', 'Set to'],
          ] as const
        ).map(([key, label]) => (
          <label key={key} className="flex cursor-pointer items-center gap-2 rounded-md border border-zinc-300 px-3 py-1.5 text-sm has-[:checked]:border-zinc-900 has-[:checked]:bg-zinc-900 has-[:checked]:text-white">
            <input type="radio" name="mode" value={key} checked={mode === key} onChange={() => setMode(key)} className="size-3.5" />
            {label}
          </label>
        ))}
      </fieldset>
      {mode === 'change' ? (
        <StockChangeFields idPrefix="" errors={errors} values={values} round={answerKey(state)} />
      ) : (
        <div>
          <label htmlFor="quantity" className="block text-sm font-medium">Set to</label>
          <input id="quantity" name="quantity" type="number" min={0} step={1} inputMode="numeric" defaultValue={values.quantity} key={`quantity-${answerKey(state)}`} aria-describedby={`quantity-hint${errors.quantity ? ' quantity-error' : ''}`} aria-invalid={errors.quantity ? true : undefined} className={input} />
          <p id="quantity-hint" className="mt-1 text-xs text-zinc-600">The number you counted. It is recorded as a correction by the difference from the stock at the moment you save, so sales meanwhile are not lost.</p>
          <FieldError id="quantity-error" errors={errors.quantity} />
        </div>
      )}
      <StockNoteField idPrefix="" errors={errors} values={values} round={answerKey(state)} />
      <SubmitButton pendingLabel="Saving…" pending={pending}>{mode === 'change' ? 'Adjust stock' : 'Set stock'}</SubmitButton>
      {state?.ok ? <FormMessage status="success" message={state.message ?? ''} announce={!notify} /> : null}
      {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
    </form>
  );
}
