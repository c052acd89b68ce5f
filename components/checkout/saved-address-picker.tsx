'use client';

import Form from 'next/form';
import { SubmitButton } from '@/components/ui/submit-button';

type Option = { id: string; label: string };

/**
 * Signed-in customers fill the checkout from their address book (the default one is filled in to begin with). A GET
 * form, so it works without JavaScript; with it, the page is re-rendered in place with the chosen address.
 */
export function SavedAddressPicker(props: { addresses: Option[]; selectedId: string | null }) {
  return (
    <Form action="/checkout" aria-label="Saved addresses" className="flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 p-4">
      <div className="min-w-0 flex-1">
        <label htmlFor="saved-address" className="block text-sm font-medium">
          Use a saved address
        </label>
        <select
          id="saved-address"
          name="address"
          defaultValue={props.selectedId ?? ''}
          className="mt-1 block w-full min-w-0 rounded-md border border-zinc-300 bg-white px-3 py-2"
        >
          {props.addresses.map((address) => (
            <option key={address.id} value={address.id}>
              {address.label}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton variant="secondary" pendingLabel="Filling in…">
        Use this address
      </SubmitButton>
    </Form>
  );
}
