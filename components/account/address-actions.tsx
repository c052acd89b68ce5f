'use client';

import { useActionState } from 'react';
import { deleteAddressAction, setDefaultAddressAction } from '@/lib/customers/actions';
import type { FormState } from '@/lib/http/form-state';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

export function AddressActions({ addressId, isDefault }: { addressId: string; isDefault: boolean }) {
  const [removeState, remove, removing] = useActionState(deleteAddressAction, { status: 'idle' } as FormState);
  const [defaultState, makeDefault, saving] = useActionState(setDefaultAddressAction, { status: 'idle' } as FormState);
  const error = removeState.status === 'error' ? removeState.message : defaultState.status === 'error' ? defaultState.message : null;
  return (
    <div className="mt-2 flex gap-3">
      {!isDefault ? (
        <form action={makeDefault}>
          <input type="hidden" name="addressId" value={addressId} />
          <SubmitButton variant="link" pendingLabel="Saving…" pending={saving}>
            Make default
          </SubmitButton>
        </form>
      ) : null}
      <form action={remove}>
        <input type="hidden" name="addressId" value={addressId} />
        <SubmitButton variant="link" pendingLabel="Removing…" pending={removing}>
          Remove
        </SubmitButton>
      </form>
      {error ? <FormMessage status="error" message={error} /> : null}
    </div>
  );
}
