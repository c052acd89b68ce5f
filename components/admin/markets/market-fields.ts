import type { FieldSpec } from '@/components/ui/action-form';
import { countryChoices } from '@/lib/store/countries';
import type { MarketView } from '@/lib/markets/types';

// The market form's fields, shared by the new-market form and a market's own page.

const COUNTRIES = countryChoices();

export const ROUNDING_LABELS: Record<MarketView['roundingRule'], string> = {
  none: 'None (nearest cent)',
  whole: 'Up to a whole amount (46.00)',
  '99': 'Up to .99 (45.99)',
  '95': 'Up to .95 (45.95)',
};

export function marketFields(market?: MarketView): FieldSpec[] {
  const fields: FieldSpec[] = [
    ...(market?.id ? [{ name: 'id', label: '', type: 'hidden' as const, defaultValue: market.id }] : []),
    { name: 'name', label: 'Name', defaultValue: market?.name, hint: 'Shown to shoppers in the country selector, e.g. Euro area.' },
    { name: 'code', label: 'Code', defaultValue: market?.code, hint: 'Short and lower case, e.g. eu: the Store API’s market parameter.' },
    {
      name: 'countries',
      label: 'Countries',
      type: 'multiselect',
      options: COUNTRIES,
      chosenLabel: 'Chosen countries',
      placeholder: 'Search countries',
      required: false,
      defaultValue: market?.countries.join(', '),
      hint: market?.isDefault ? 'The default market also serves every country no other market lists.' : 'A country belongs to one market.',
    },
  ];
  if (market?.isDefault) return fields;
  return [
    ...fields,
    { name: 'currency', label: 'Currency', defaultValue: market?.currency, hint: 'ISO code, e.g. EUR, GBP or JPY.' },
    {
      name: 'exchangeRate',
      label: 'Exchange rate',
      inputMode: 'decimal',
      defaultValue: market ? market.exchangeRate.replace(/\.?0+$/, '') : undefined,
      hint: 'One unit of the store currency in this currency, e.g. 0.92.',
    },
    {
      name: 'roundingRule',
      label: 'Rounding of derived prices',
      type: 'select',
      defaultValue: market?.roundingRule ?? '99',
      options: (Object.keys(ROUNDING_LABELS) as MarketView['roundingRule'][]).map((value) => ({ value, label: ROUNDING_LABELS[value] })),
    },
    {
      name: 'taxDisplay',
      label: 'Prices are shown',
      type: 'select',
      defaultValue: market?.taxDisplay ?? 'inclusive',
      options: [
        { value: 'inclusive', label: 'Including tax (VAT)' },
        { value: 'exclusive', label: 'Excluding tax' },
      ],
    },
  ];
}
