import type { FieldSpec } from '@/components/ui/action-form';
import { money, toDecimalString } from '@/lib/money';
import { countryChoices } from '@/lib/store/countries';
import { basisPointsToPercent } from '@/lib/store/schemas';
import type { ShippingZoneView, TaxRateView } from '@/lib/store/service';

// The fields of the settings forms (zones, rates, tax rates), shared by the add and edit dialogs of each section.

const decimal = (cents: number | null, currency: string) => (cents === null ? '' : toDecimalString(money(cents, currency)));

export function rateFields(zoneId: string, currency: string, rate?: ShippingZoneView['rates'][number]): FieldSpec[] {
  return [
    ...(rate ? [{ name: 'id', label: '', type: 'hidden' as const, defaultValue: rate.id }] : []),
    { name: 'zoneId', label: '', type: 'hidden', defaultValue: zoneId },
    { name: 'name', label: 'Rate name', defaultValue: rate?.name },
    { name: 'price', label: `Price (${currency})`, type: 'number', inputMode: 'decimal', defaultValue: rate ? decimal(rate.priceCents, rate.currency) : undefined },
    { name: 'freeAbove', label: `Free above (${currency})`, type: 'number', inputMode: 'decimal', required: false, defaultValue: rate ? decimal(rate.freeAboveCents, rate.currency) : undefined },
    { name: 'minDeliveryDays', label: 'Min days', type: 'number', required: false, defaultValue: rate?.minDeliveryDays?.toString() },
    { name: 'maxDeliveryDays', label: 'Max days', type: 'number', required: false, defaultValue: rate?.maxDeliveryDays?.toString() },
    { name: 'isActive', label: 'Active', type: 'checkbox', defaultChecked: rate ? rate.isActive : true },
  ];
}

export function taxFields(rate?: TaxRateView): FieldSpec[] {
  return [
    ...(rate ? [{ name: 'id', label: '', type: 'hidden' as const, defaultValue: rate.id }] : []),
    { name: 'countryCode', label: 'Country', defaultValue: rate?.countryCode, hint: 'Two letters, e.g. DE' },
    { name: 'regionCode', label: 'Region', required: false, defaultValue: rate?.regionCode ?? undefined },
    { name: 'name', label: 'Name', defaultValue: rate?.name },
    { name: 'rate', label: 'Rate (%)', type: 'number', inputMode: 'decimal', defaultValue: rate ? basisPointsToPercent(rate.rateBasisPoints) : undefined },
    { name: 'appliesToShipping', label: 'Applies to shipping', type: 'checkbox', defaultChecked: rate ? rate.appliesToShipping : true },
  ];
}

// One list for every zone's picker (the same array, so the page sends it once).
export const COUNTRIES = countryChoices();
const COUNTRY_NAMES = new Map(COUNTRIES.map((c) => [c.value, c.label]));

/** A zone's countries: picked by name in a combobox, submitted as ISO codes ("DE, FR") for the schema to check. */
export function countriesField(countries?: string[]): FieldSpec {
  return {
    name: 'countries',
    label: 'Countries',
    type: 'multiselect',
    options: COUNTRIES,
    chosenLabel: 'Chosen countries',
    placeholder: 'Search countries',
    defaultValue: countries?.join(', '),
  };
}

/** "Germany, France and 3 more": a zone's countries by name, short enough for a list. */
export function countriesSummary(codes: string[], shown = 4): string {
  const names = codes.map((code) => COUNTRY_NAMES.get(code) ?? code);
  if (names.length <= shown) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

export { decimal };
