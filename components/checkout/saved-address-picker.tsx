'use client';

import Form from 'next/form';
import { SubmitButton } from '@/components/ui/submit-button';

type Option = { id: string; label: string };

/**
 * Signed-in customers pick an address from their book to fill in the details (and its country and region in the
 * delivery step; the shipping method is chosen again, as the country may change). A GET form, like the delivery
 * step, so it works without JavaScript.
 */
export function SavedAddressPicker(props: { addresses: Option[]; selectedId: string | null; code: string }) {
  return (
    <Form action="/checkout" aria-label="Saved addresses" className="flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 p-4">
      <div className="flex-1">
        <label htmlFor="saved-address" className="block text-sm font-medium">
          Ship to a saved address
        </label>
        <select id="saved-address" name="address" defaultValue={props.selectedId ?? ''} className="mt-1 w-full rounded-md border border-zinc-300 px-3 py-2">
          {props.addresses.map((address) => (
            <option key={address.id} value={address.id}>
              {address.label}
            </option>
          ))}
        </select>
      </div>
      {props.code ? <input type="hidden" name="code" value={props.code} /> : null}
      <SubmitButton variant="secondary" pendingLabel="Filling in…">
        Use this address
      </SubmitButton>
    </Form>
  );
}
