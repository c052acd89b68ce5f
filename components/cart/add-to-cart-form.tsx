'use client';

import { useActionState } from 'react';
import { type AddToCartState, addToCartAction } from '@/lib/cart/actions';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

const idle: AddToCartState = { status: 'idle' };

/** Add one variant to the cart. The product page has its own picker; this is the plain form (quick add, tests). */
export function AddToCartForm({ variantId, label = 'Add to cart' }: { variantId: string; label?: string }) {
  const [state, action, pending] = useActionState(addToCartAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors?.quantity : undefined;
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="variantId" value={variantId} />
      <div>
        <label htmlFor={`add-qty-${variantId}`} className="block text-xs font-medium text-zinc-700">
          Quantity
        </label>
        <input
          id={`add-qty-${variantId}`}
          name="quantity"
          type="number"
          min={1}
          max={10}
          defaultValue={1}
          aria-describedby={errors ? `add-qty-error-${variantId}` : undefined}
          className="w-20 rounded-md border border-zinc-300 px-2 py-1"
        />
        <FieldError id={`add-qty-error-${variantId}`} errors={errors} />
      </div>
      <SubmitButton pendingLabel="Adding…" pending={pending}>
        {label}
      </SubmitButton>
      {state.status === 'added' ? <FormMessage status="success" message={state.message} /> : null}
      {state.status === 'error' ? <FormMessage status="error" message={state.message} /> : null}
    </form>
  );
}
