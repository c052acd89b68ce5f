'use client';

import { useActionState } from 'react';
import { type CartLineState, removeCartLineAction, updateCartLineAction } from '@/lib/cart/actions';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

const idle: CartLineState = { status: 'idle' };

/** Quantity and remove forms for one cart line; both work without JavaScript. */
export function CartLineControls({
  lineId,
  quantity,
  maxQuantity,
  productTitle,
}: {
  lineId: string;
  quantity: number;
  maxQuantity: number;
  productTitle: string;
}) {
  const [updateState, updateAction, updating] = useActionState(updateCartLineAction, idle);
  const [removeState, removeAction, removing] = useActionState(removeCartLineAction, idle);
  const inputId = `quantity-${lineId}`;
  const errorId = `quantity-error-${lineId}`;
  const quantityErrors = updateState.status === 'error' ? (updateState.fieldErrors?.quantity ?? [updateState.message]) : undefined;
  return (
    <div className="flex flex-col gap-2">
      <form action={updateAction} className="flex items-end gap-2" noValidate>
        <input type="hidden" name="lineId" value={lineId} />
        <div>
          <label htmlFor={inputId} className="block text-xs font-medium text-zinc-700">
            Quantity<span className="sr-only"> of {productTitle}</span>
          </label>
          <input
            id={inputId}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={Math.max(1, maxQuantity)}
            step={1}
            defaultValue={quantity}
            key={quantity}
            required
            aria-invalid={quantityErrors ? true : undefined}
            aria-describedby={quantityErrors ? errorId : undefined}
            className="w-20 rounded-md border border-zinc-300 px-2 py-1"
          />
        </div>
        <SubmitButton variant="secondary" pendingLabel="Updating…" pending={updating}>
          Update<span className="sr-only"> {productTitle}</span>
        </SubmitButton>
      </form>
      <FieldError id={errorId} errors={quantityErrors} />
      {updateState.status === 'saved' ? <FormMessage status="success" message={updateState.message} /> : null}
      <form action={removeAction}>
        <input type="hidden" name="lineId" value={lineId} />
        <SubmitButton variant="link" pendingLabel="Removing…" pending={removing}>
          Remove<span className="sr-only"> {productTitle}</span>
        </SubmitButton>
      </form>
      {removeState.status === 'error' ? <FormMessage status="error" message={removeState.message} /> : null}
    </div>
  );
}
