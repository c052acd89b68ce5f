'use client';

import { useActionState } from 'react';
import { AddressFields, type AddressValues, type CountryOption } from '@/components/checkout/address-fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { answerKey, type FormAction, refusal } from '@/lib/http/action-result';

/** Adding or editing an address in the book, with the checkout's own address inputs. */
export function AddressForm(props: {
  action: FormAction<void>;
  label: string;
  idPrefix: string;
  countries: CountryOption[];
  /** Editing: the saved address's id and fields. */
  addressId?: string;
  defaults: AddressValues;
  submitLabel: string;
  /** Already the default: the tick box would mean nothing. */
  isDefault?: boolean;
}) {
  const [state, action, pending] = useActionState(props.action, null);
  const { errors, values } = refusal(state);
  const refused = state !== null && !state.ok;
  // After a refusal the fields show what was typed; after a success they start again (the address is in the list).
  const defaults: AddressValues = refused ? values : props.defaults;
  // Each answer remounts the inputs (the echoed values make two answers differ).
  const key = `${answerKey(state)}-${JSON.stringify(state?.values ?? {})}`;
  return (
    <form action={action} aria-label={props.label} className="flex max-w-xl flex-col gap-4" noValidate>
      {props.addressId ? <input type="hidden" name="addressId" value={props.addressId} /> : null}
      <AddressFields key={key} idPrefix={props.idPrefix} countries={props.countries} defaults={defaults} errors={errors} />
      {props.isDefault ? null : (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="makeDefault" defaultChecked={values.makeDefault === 'on'} /> Make this my default address
        </label>
      )}
      <div>
        <SubmitButton pendingLabel="Saving…" pending={pending}>
          {props.submitLabel}
        </SubmitButton>
      </div>
      {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
      {state?.ok && state.message ? <FormMessage status="success" message={state.message} /> : null}
    </form>
  );
}
