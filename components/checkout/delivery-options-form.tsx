'use client';

import Form from 'next/form';
import { SubmitButton } from '@/components/ui/submit-button';
import { formatMoney, money } from '@/lib/money';

type Option = { id: string; name: string; priceCents: number; freeAboveCents: number | null; minDeliveryDays: number | null; maxDeliveryDays: number | null };

/** Step 1, a GET form: where it goes, how, and which code. Submitting re-prices the summary on the server. */
export function DeliveryOptionsForm(props: {
  /** A saved address chosen above: kept when the delivery options are updated. */
  addressId?: string | null;
  countries: { code: string; name: string }[];
  country: string;
  region: string;
  /** The rule for the region in the chosen country (lib/checkout/regions.ts). */
  regionHint: string;
  /** Set when the region typed does not fit the chosen country (e.g. a US state kept after switching to Germany). */
  regionError: string | null;
  code: string;
  currency: string;
  options: Option[];
  selectedRateId: string | null;
  discountError: string | null;
}) {
  const fmt = (cents: number) => formatMoney(money(cents, props.currency));
  return (
    <Form action="/checkout" aria-label="Delivery options" className="flex flex-col gap-4 rounded-lg border border-zinc-200 p-4">
      <h2 className="text-lg font-semibold">1. Delivery</h2>
      {props.addressId ? <input type="hidden" name="address" value={props.addressId} /> : null}
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor="country" className="block text-sm font-medium">
            Country
          </label>
          <select id="country" name="country" defaultValue={props.country} className="mt-1 rounded-md border border-zinc-300 px-3 py-2">
            {props.countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="region" className="block text-sm font-medium">
            State / region
          </label>
          <input
            id="region"
            name="region"
            defaultValue={props.region}
            autoComplete="address-level1"
            aria-invalid={props.regionError ? true : undefined}
            aria-describedby={props.regionError ? 'region-error region-hint' : 'region-hint'}
            className="mt-1 w-40 rounded-md border border-zinc-300 px-3 py-2"
          />
          {props.regionError ? (
            <p id="region-error" className="mt-1 max-w-xs text-sm text-red-700">
              {props.regionError}
            </p>
          ) : null}
          <p id="region-hint" className="mt-1 max-w-xs text-xs text-zinc-600">
            {props.regionHint}
          </p>
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Shipping method</legend>
        {props.options.length === 0 ? <p className="text-sm text-red-700">We do not ship to this country.</p> : null}
        {props.options.map((option) => (
          <div key={option.id} className="mt-1 flex items-center gap-2">
            <input type="radio" id={`rate-${option.id}`} name="rate" value={option.id} defaultChecked={option.id === props.selectedRateId} />
            <label htmlFor={`rate-${option.id}`} className="text-sm">
              {option.name} — {fmt(option.priceCents)}
              {option.freeAboveCents !== null ? `, free from ${fmt(option.freeAboveCents)}` : ''}
              {option.minDeliveryDays !== null ? ` (${option.minDeliveryDays}–${option.maxDeliveryDays} days)` : ''}
            </label>
          </div>
        ))}
      </fieldset>
      <div>
        <label htmlFor="code" className="block text-sm font-medium">
          Discount code
        </label>
        <input
          id="code"
          name="code"
          defaultValue={props.code}
          autoCapitalize="characters"
          aria-invalid={props.discountError ? true : undefined}
          aria-describedby={props.discountError ? 'code-error' : undefined}
          className="mt-1 w-48 rounded-md border border-zinc-300 px-3 py-2"
        />
        {props.discountError ? (
          <p id="code-error" className="mt-1 text-sm text-red-700">
            {props.discountError}
          </p>
        ) : null}
      </div>
      <div>
        <SubmitButton variant="secondary" pendingLabel="Updating…">
          Update order summary
        </SubmitButton>
      </div>
    </Form>
  );
}
