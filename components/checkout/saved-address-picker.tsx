'use client';

import { type ReactNode, useEffect, useRef } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { NEW_ADDRESS, type SavedAddressOption } from './address-choice';

/**
 * Signed-in customers fill the shipping address from their address book. With JavaScript a pick fills the fields in
 * place (onPick); without it, the radios belong to a GET form of their own (`formId`, rendered outside the checkout
 * form, which cannot nest it) and "Use this address" reloads the checkout with the chosen one. An address the store
 * does not ship to is listed, but cannot be chosen, and says why.
 */
export function SavedAddressPicker(props: { addresses: SavedAddressOption[]; selected: string; formId: string; onPick: (id: string) => void }) {
  const hydrated = useHydrated();
  const group = useRef<HTMLFieldSetElement>(null);
  // A radio ticked before the page ran is applied once it runs.
  useEffect(() => {
    const checked = group.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    if (checked && checked.value !== props.selected) props.onPick(checked.value);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the page starts
  }, []);
  const option = (id: string, content: ReactNode, unavailable: string | null = null) => {
    const inputId = `saved-address-${id}`;
    return (
      <div key={id} className={`flex items-start gap-3 rounded-md border p-3 ${unavailable ? 'border-zinc-200 bg-zinc-50' : 'border-zinc-300'}`}>
        <input
          type="radio"
          id={inputId}
          name="address"
          value={id}
          form={props.formId}
          defaultChecked={props.selected === id}
          disabled={unavailable !== null}
          aria-describedby={unavailable ? `${inputId}-unavailable` : undefined}
          onChange={(event) => {
            if (event.target.checked) props.onPick(id);
          }}
          className="mt-1 shrink-0"
        />
        <div className="min-w-0 flex-1 text-sm [overflow-wrap:anywhere]">
          <label htmlFor={inputId} className={unavailable ? 'text-zinc-600' : undefined}>
            {content}
          </label>
          {unavailable ? (
            <p id={`${inputId}-unavailable`} className="mt-1 font-medium text-red-700">
              {unavailable}
            </p>
          ) : null}
        </div>
      </div>
    );
  };
  return (
    <fieldset ref={group} className="min-w-0">
      <legend className="mb-2 text-sm font-medium">Saved addresses</legend>
      <div className="flex flex-col gap-2">
        {props.addresses.map((address) =>
          option(
            address.id,
            <>
              <span className="font-medium">{address.name}</span>
              {address.isDefault ? <span className="text-zinc-600"> (default)</span> : null}
              <span className="block">{address.address}</span>
            </>,
            address.unavailable,
          ),
        )}
        {option(NEW_ADDRESS, <span className="font-medium">A new address</span>)}
      </div>
      {hydrated ? null : (
        <button type="submit" form={props.formId} className="mt-3 rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50">
          Use this address
        </button>
      )}
    </fieldset>
  );
}
