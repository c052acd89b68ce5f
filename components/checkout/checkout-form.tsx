'use client';

import { useActionState } from 'react';
import { placeOrderAction } from '@/lib/checkout/actions';
import { refusal } from '@/lib/http/action-result';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';

type Provider = { id: string; label: string; description: string };

const ADDRESS_FIELDS: { name: string; label: string; autoComplete: string; required: boolean; type?: string }[] = [
  { name: 'shipping.name', label: 'Full name', autoComplete: 'shipping name', required: true },
  { name: 'shipping.company', label: 'Company', autoComplete: 'shipping organization', required: false },
  { name: 'shipping.line1', label: 'Street address', autoComplete: 'shipping address-line1', required: true },
  { name: 'shipping.line2', label: 'Apartment, suite, etc.', autoComplete: 'shipping address-line2', required: false },
  { name: 'shipping.city', label: 'City', autoComplete: 'shipping address-level2', required: true },
  { name: 'shipping.postalCode', label: 'Postal code', autoComplete: 'shipping postal-code', required: true },
  { name: 'shipping.phone', label: 'Phone', autoComplete: 'shipping tel', required: false, type: 'tel' },
];

// Errors for choices made in step 1 (country, region, rate, code) have no input here: list them at the top.
const STEP_ONE_FIELDS: Record<string, string> = {
  'shipping.countryCode': 'Country',
  'shipping.region': 'State / region',
  shippingRateId: 'Shipping method',
  discountCode: 'Discount code',
  cart: 'Cart',
};

/** Step 2: contact, address, payment, place order. Works without JavaScript; the button cannot double-submit. */
export function CheckoutForm(props: {
  cartId: string;
  country: string;
  region: string;
  rateId: string | null;
  code: string;
  defaultEmail: string;
  defaultAddress: Record<string, string>;
  providers: Provider[];
  canPlace: boolean;
  /** Signed in: offer to keep the address in the address book. */
  canSaveAddress?: boolean;
}) {
  const [state, action, pending] = useActionState(placeOrderAction, null);
  const { errors, values } = refusal(state);
  const stepOneErrors = Object.entries(errors).filter(([key]) => key in STEP_ONE_FIELDS);
  const input = (name: string, label: string, options: { autoComplete?: string; required?: boolean; type?: string; defaultValue?: string }) => {
    const id = `checkout-${name.replace('.', '-')}`;
    const fieldErrors = errors[name];
    return (
      <div key={name}>
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
          {options.required === false ? <span className="font-normal text-zinc-500"> (optional)</span> : null}
        </label>
        <input
          id={id}
          name={name}
          type={options.type ?? 'text'}
          autoComplete={options.autoComplete}
          required={options.required !== false}
          defaultValue={values[name] ?? options.defaultValue ?? ''}
          key={`${name}-${values[name] ?? ''}`}
          aria-invalid={fieldErrors ? true : undefined}
          aria-describedby={fieldErrors ? `${id}-error` : undefined}
          className="mt-1 w-full rounded-md border border-zinc-300 px-3 py-2"
        />
        <FieldError id={`${id}-error`} errors={fieldErrors} />
      </div>
    );
  };
  return (
    <form action={action} aria-label="Checkout" className="flex flex-col gap-4 rounded-lg border border-zinc-200 p-4" noValidate>
      <h2 className="text-lg font-semibold">2. Your details</h2>
      <input type="hidden" name="cartId" value={props.cartId} />
      <input type="hidden" name="shipping.countryCode" value={props.country} />
      <input type="hidden" name="shipping.region" value={props.region} />
      <input type="hidden" name="shippingRateId" value={props.rateId ?? ''} />
      <input type="hidden" name="discountCode" value={props.code} />
      {stepOneErrors.length > 0 ? (
        <ul role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {stepOneErrors.map(([key, messages]) => (
            <li key={key}>
              {STEP_ONE_FIELDS[key]}: {messages.join(' ')}
            </li>
          ))}
        </ul>
      ) : null}
      {input('email', 'Email', { autoComplete: 'email', type: 'email', defaultValue: props.defaultEmail })}
      {ADDRESS_FIELDS.map((field) => input(field.name, field.label, { ...field, defaultValue: props.defaultAddress[field.name] }))}
      {props.canSaveAddress ? (
        <div className="flex items-center gap-2">
          <input type="checkbox" id="checkout-save-address" name="saveAddress" defaultChecked={values.saveAddress === 'on'} key={`save-${values.saveAddress ?? ''}`} />
          <label htmlFor="checkout-save-address" className="text-sm">
            Save this address to my address book
          </label>
        </div>
      ) : null}
      <fieldset>
        <legend className="text-sm font-medium">Payment</legend>
        {props.providers.map((provider, index) => (
          <div key={provider.id} className="mt-1 flex items-start gap-2">
            <input type="radio" id={`pay-${provider.id}`} name="paymentProvider" value={provider.id} defaultChecked={index === 0} aria-describedby={`pay-${provider.id}-hint`} />
            <div>
              <label htmlFor={`pay-${provider.id}`} className="text-sm font-medium">
                {provider.label}
              </label>
              <p id={`pay-${provider.id}-hint`} className="text-xs text-zinc-600">
                {provider.description}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <div>
        <label htmlFor="checkout-note" className="block text-sm font-medium">
          Note for the store <span className="font-normal text-zinc-500">(optional)</span>
        </label>
        <textarea id="checkout-note" name="customerNote" maxLength={1000} rows={2} defaultValue={values.customerNote ?? ''} className="mt-1 w-full rounded-md border border-zinc-300 px-3 py-2" />
      </div>
      <SubmitButton pendingLabel="Placing order…" pending={pending}>
        Place order
      </SubmitButton>
      {!props.canPlace ? <p className="text-sm text-red-700">Choose a shipping method above first.</p> : null}
      {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
    </form>
  );
}
