'use client';

import { useActionState } from 'react';
import { deleteAddressAction, setDefaultAddressAction } from '@/lib/customers/actions';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

export function AddressActions({ addressId, isDefault }: { addressId: string; isDefault: boolean }) {
  const [removeState, remove, removing] = useActionState(deleteAddressAction, null);
  const [defaultState, makeDefault, saving] = useActionState(setDefaultAddressAction, null);
  const error = removeState && !removeState.ok ? removeState.message : defaultState && !defaultState.ok ? defaultState.message : null;
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
