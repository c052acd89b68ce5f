'use client';

import { useTranslations } from 'next-intl';
import { type ChangeEvent, type ReactNode, useState } from 'react';
import { FieldError } from '@/components/ui/form-message';
import { checkPostalCode, regionRule } from '@/lib/checkout/regions';

export type CountryOption = { code: string; name: string };
export type AddressValues = Partial<Record<'name' | 'company' | 'line1' | 'line2' | 'city' | 'region' | 'postalCode' | 'countryCode' | 'phone', string>>;
/** What prices an order: the summary is re-priced when one of these changes. */
export type PricingAddress = { countryCode: string; region: string; postalCode: string };

const inputClass = 'mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2';

/** What every control of a row carries: its id and posted name, and the wiring to the errors under it. */
type ControlWiring = { id: string; name: string; className: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };

function Optional() {
  const t = useTranslations('Address');
  return <span className="font-normal text-zinc-600">{t('optional')}</span>;
}

/**
 * A postal address, as the checkout and the address book ask for it: the country first (it decides the rest), then
 * the street, city, the region — a list where the country has subdivisions addresses name, a text box where it is
 * optional, nothing where addresses have none — and the postal code, checked on leaving the field by the same rule
 * the server applies (lib/checkout/regions.ts). Every field carries its autofill token.
 */
export function AddressFields(props: {
  /** Unique per page: ids are `${idPrefix}-${field}`. */
  idPrefix: string;
  /** Prefix of the posted names, e.g. "shipping." for the checkout's "shipping.city". */
  namePrefix?: string;
  /** The autofill section ("shipping"), or none for an address book entry. */
  section?: string;
  countries: CountryOption[];
  defaults: AddressValues;
  /** Server field errors, keyed by bare field name ("postalCode"). */
  errors?: Record<string, string[] | undefined>;
  /** The server's advice for the fields while the shopper types (the live summary's answer). */
  advice?: { region?: string; postalCode?: string };
  onPricingChange?: (address: PricingAddress) => void;
}) {
  const prefix = props.namePrefix ?? '';
  const t = useTranslations('Address');
  const token = (name: string) => (props.section ? `${props.section} ${name}` : name);
  const firstCountry = props.countries[0]?.code ?? 'US';
  const initialCountry = props.countries.some((c) => c.code === props.defaults.countryCode) ? props.defaults.countryCode! : firstCountry;
  const [country, setCountry] = useState(initialCountry);
  const [region, setRegion] = useState(props.defaults.region ?? '');
  const [postalCode, setPostalCode] = useState(props.defaults.postalCode ?? '');
  // Said once the shopper leaves the field (not while typing the first digits); then kept current as they fix it.
  const [postalChecked, setPostalChecked] = useState(false);
  // A server error stays until the field it is about is edited.
  const [edited, setEdited] = useState<Record<string, boolean>>({});
  const rule = regionRule(country);
  const serverError = (field: string) => (edited[field] ? undefined : props.errors?.[field]);

  const changed = (next: Partial<PricingAddress>) => props.onPricingChange?.({ countryCode: country, region, postalCode, ...next });
  const localPostal = postalChecked ? checkPostalCode(country, postalCode) : null;
  const postalErrors = serverError('postalCode') ?? (localPostal && !localPostal.ok ? [localPostal.message] : undefined);
  const regionErrors = serverError('region') ?? (props.advice?.region && region ? [props.advice.region] : undefined);

  /** A labelled row: the label, the control (given its id and error wiring), and the errors under it. */
  const row = (name: string, label: ReactNode, errors: string[] | undefined, control: (wiring: ControlWiring) => ReactNode) => {
    const id = `${props.idPrefix}-${name}`;
    return (
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        {control({
          id,
          name: `${prefix}${name}`,
          className: inputClass,
          'aria-invalid': errors ? true : undefined,
          'aria-describedby': errors ? `${id}-error` : undefined,
        })}
        <FieldError id={`${id}-error`} errors={errors} />
      </div>
    );
  };

  const field = (name: keyof AddressValues, label: string, autoComplete: string, options: { required?: boolean; type?: string } = {}) => {
    const errors = serverError(name);
    return row(
      name,
      <>
        {label}
        {options.required === false ? <Optional /> : null}
      </>,
      errors,
      (wiring) => (
        <input
          {...wiring}
          type={options.type ?? 'text'}
          autoComplete={token(autoComplete)}
          required={options.required !== false}
          defaultValue={props.defaults[name] ?? ''}
          onChange={errors ? () => setEdited((e) => ({ ...e, [name]: true })) : undefined}
        />
      ),
    );
  };

  const changeRegion = (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setRegion(event.target.value);
    setEdited((e) => ({ ...e, region: true }));
    changed({ region: event.target.value });
  };
  const postalExample = checkPostalCode(country, '');
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        {row('countryCode', t('country'), serverError('countryCode'), (wiring) => (
          <select
            {...wiring}
            value={country}
            autoComplete={token('country')}
            onChange={(event) => {
              const next = event.target.value;
              setCountry(next);
              // A state of the old country means nothing in the new one (a US "CA" is not a Canadian province).
              setRegion('');
              setEdited((e) => ({ ...e, countryCode: true, region: true, postalCode: true }));
              changed({ countryCode: next, region: '' });
            }}
          >
            {props.countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        ))}
      </div>
      <div className="sm:col-span-2">{field('name', t('fullName'), 'name')}</div>
      <div className="sm:col-span-2">{field('company', t('company'), 'organization', { required: false })}</div>
      <div className="sm:col-span-2">{field('line1', t('line1'), 'address-line1')}</div>
      <div className="sm:col-span-2">{field('line2', t('line2'), 'address-line2', { required: false })}</div>
      {field('city', t('city'), 'address-level2')}
      {rule.kind === 'none'
        ? null
        : row(
            'region',
            rule.kind === 'list' ? (
              t.has(`regionNouns.${rule.noun.replaceAll(' ', '_')}`)
                ? t(`regionNouns.${rule.noun.replaceAll(' ', '_')}`)
                : rule.noun.charAt(0).toUpperCase() + rule.noun.slice(1)
            ) : (
              <>
                {t('stateRegion')}
                <Optional />
              </>
            ),
            regionErrors,
            (wiring) =>
              rule.kind === 'list' ? (
                <select
                  {...wiring}
                  value={rule.options.some((o) => o.code === region.toUpperCase()) ? region.toUpperCase() : ''}
                  autoComplete={token('address-level1')}
                  required
                  onChange={changeRegion}
                >
                  <option value="">{t('select')}</option>
                  {rule.options.map((o) => (
                    <option key={o.code} value={o.code}>
                      {o.name}
                    </option>
                  ))}
                </select>
              ) : (
                <input {...wiring} value={region} autoComplete={token('address-level1')} onChange={changeRegion} />
              ),
          )}
      {row('postalCode', t('postalCode'), postalErrors, (wiring) => (
        <input
          {...wiring}
          value={postalCode}
          autoComplete={token('postal-code')}
          required={!postalExample.ok}
          maxLength={20}
          onChange={(event) => {
            setPostalCode(event.target.value);
            setEdited((e) => ({ ...e, postalCode: true }));
            changed({ postalCode: event.target.value });
          }}
          onBlur={() => setPostalChecked(postalCode.trim() !== '')}
        />
      ))}
      <div className="sm:col-span-2">{field('phone', t('phone'), 'tel', { required: false, type: 'tel' })}</div>
    </div>
  );
}
