'use client';

import { useActionState, useEffect } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useToast } from '@/components/ui/toast-context';
import { addOrderNoteAction } from '@/lib/admin/orders/actions';
import { answerKey, refusal } from '@/lib/http/action-result';

/** Staff's internal note on an order: added to the timeline under its author's name; the shopper never sees it. */
export function OrderNoteForm({ number }: { number: string }) {
  const [state, formAction, pending] = useActionState(addOrderNoteAction, null);
  const { errors, values } = refusal(state);
  const notify = useToast();
  useEffect(() => {
    if (notify && state?.ok) notify.success(state.data.message);
    // Once per answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  return (
    <form action={formAction} aria-label="Add an internal note" className="flex flex-col gap-2" noValidate>
      <input type="hidden" name="number" value={number} />
      <label htmlFor="order-note" className="text-sm font-medium">
        Internal note
      </label>
      <textarea
        id="order-note"
        name="note"
        rows={3}
        maxLength={2000}
        required
        key={answerKey(state)}
        defaultValue={values.note}
        aria-invalid={errors.note ? true : undefined}
        aria-describedby={['order-note-hint', errors.note ? 'order-note-error' : null].filter(Boolean).join(' ')}
        className="w-full rounded-md border border-zinc-300 px-3 py-2 text-sm"
      />
      <p id="order-note-hint" className="text-xs text-zinc-600">
        Only staff see notes; the customer never does.
      </p>
      <FieldError id="order-note-error" errors={errors.note} />
      <div>
        <SubmitButton pending={pending} pendingLabel="Adding note…" variant="secondary">
          Add note
        </SubmitButton>
      </div>
      {state?.ok ? <FormMessage status="success" message={state.data.message} announce={!notify} /> : null}
      {state && !state.ok && !errors.note ? <FormMessage status="error" message={state.message} /> : null}
    </form>
  );
}
