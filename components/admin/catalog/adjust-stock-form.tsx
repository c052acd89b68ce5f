'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { adjustStockAction } from '@/lib/admin/inventory/actions';
import { answerKey, refusal } from '@/lib/http/action-result';

const input = 'mt-1 w-full rounded-md border border-zinc-300 px-3 py-2';

export function AdjustStockForm({ variantId }: { variantId: string }) {
  const [state, action, pending] = useActionState(adjustStockAction, null);
  const { errors, values } = refusal(state);
  return (
    <form action={action} aria-label="Adjust stock" className="grid max-w-md gap-3">
      <input type="hidden" name="variantId" value={variantId} />
      <div>
        <label htmlFor="delta" className="block text-sm font-medium">Change by</label>
        <input id="delta" name="delta" inputMode="numeric" defaultValue={values.delta} key={`delta-${answerKey(state)}`} aria-describedby={`delta-hint${errors.delta ? ' delta-error' : ''}`} aria-invalid={errors.delta ? true : undefined} className={input} />
        <p id="delta-hint" className="mt-1 text-xs text-zinc-600">A positive number adds stock, a negative one removes it (e.g. 12 or -2).</p>
        <FieldError id="delta-error" errors={errors.delta} />
      </div>
      <div>
        <label htmlFor="reason" className="block text-sm font-medium">Reason</label>
        <select id="reason" name="reason" defaultValue={values.reason ?? 'received'} key={`reason-${answerKey(state)}`} aria-describedby={errors.reason ? 'reason-error' : undefined} className={input}>
          <option value="received">Received</option>
          <option value="returned">Returned</option>
          <option value="damaged">Damaged</option>
          <option value="correction">Correction (count)</option>
        </select>
        <FieldError id="reason-error" errors={errors.reason} />
      </div>
      <div>
        <label htmlFor="note" className="block text-sm font-medium">Note <span className="font-normal text-zinc-500">(optional)</span></label>
        <input id="note" name="note" defaultValue={values.note} key={`note-${answerKey(state)}`} className={input} />
        <FieldError id="note-error" errors={errors.note} />
      </div>
      <SubmitButton pendingLabel="Saving…" pending={pending}>Adjust stock</SubmitButton>
      {state?.ok ? <FormMessage status="success" message={state.message ?? ''} /> : null}
      {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
    </form>
  );
}
