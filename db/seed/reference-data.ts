// Store configuration for the demo: settings, shipping zones and rates, tax rates and discount codes.

import type { NewDiscountCode, NewMarket, NewTaxRate } from '@/db/schema';
import { ISO_COUNTRY_CODES } from '@/lib/store/countries';

export const STORE_NAME = 'Northwind Supply';
export const STORE_CURRENCY = 'USD';

export { ISO_COUNTRY_CODES };

const DOMESTIC = ['US'];
const EUROPE = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
  'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'GB', 'CH', 'NO', 'IS', 'LI', 'MC', 'AD', 'SM', 'VA',
];
// Not served at all: uninhabited territories and places a small US merchant cannot legally ship to.
const NOT_SERVED = ['AQ', 'BV', 'GS', 'HM', 'TF', 'UM', 'CU', 'IR', 'KP', 'SY'];
const REST_OF_WORLD = ISO_COUNTRY_CODES.filter(
  (code) => !DOMESTIC.includes(code) && !EUROPE.includes(code) && !NOT_SERVED.includes(code),
);

/**
 * The demo's markets: the United States is the default (the store currency, every country no other market lists);
 * the United Kingdom and the euro area pay in their own currencies, at a fixed demo rate, with VAT in the shown price.
 */
export const MARKETS: Omit<NewMarket, 'id'>[] = [
  { code: 'us', name: 'United States', countries: ['US'], currency: STORE_CURRENCY, taxDisplay: 'exclusive', exchangeRate: '1', roundingRule: 'none', isDefault: true, position: 0 },
  { code: 'gb', name: 'United Kingdom', countries: ['GB'], currency: 'GBP', taxDisplay: 'inclusive', exchangeRate: '0.79', roundingRule: '99', position: 1 },
  {
    code: 'eu',
    name: 'Euro area',
    // The 21 members of the euro area (Bulgaria since 1 January 2026).
    countries: 'AT BE BG CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' '),
    currency: 'EUR',
    taxDisplay: 'inclusive',
    exchangeRate: '0.92',
    roundingRule: '99',
    // German and French are spoken there; German is the market's own language (a French page stays French).
    defaultLocale: 'de',
    position: 2,
  },
];

export type ShippingZoneSeed = {
  name: string;
  countries: string[];
  rates: {
    name: string;
    priceCents: number;
    freeAboveCents: number | null;
    minDeliveryDays: number;
    maxDeliveryDays: number;
  }[];
};

export const SHIPPING_ZONES: ShippingZoneSeed[] = [
  {
    name: 'Domestic (United States)',
    countries: DOMESTIC,
    rates: [
      { name: 'Standard', priceCents: 599, freeAboveCents: 7500, minDeliveryDays: 3, maxDeliveryDays: 5 },
      { name: 'Express', priceCents: 1499, freeAboveCents: null, minDeliveryDays: 1, maxDeliveryDays: 2 },
    ],
  },
  {
    name: 'Europe',
    countries: EUROPE,
    rates: [
      { name: 'Standard International', priceCents: 1499, freeAboveCents: 15000, minDeliveryDays: 5, maxDeliveryDays: 10 },
      { name: 'Express International', priceCents: 3499, freeAboveCents: null, minDeliveryDays: 2, maxDeliveryDays: 4 },
    ],
  },
  {
    name: 'Rest of world',
    countries: REST_OF_WORLD,
    rates: [{ name: 'International', priceCents: 2499, freeAboveCents: null, minDeliveryDays: 7, maxDeliveryDays: 21 }],
  },
];

/** regionCode is the subdivision part of ISO 3166-2 ("CA" for US-CA), matched against an address's region. */
export const TAX_RATES: Omit<NewTaxRate, 'id'>[] = [
  { countryCode: 'US', regionCode: 'CA', name: 'California sales tax', rateBasisPoints: 725, appliesToShipping: false },
  { countryCode: 'US', regionCode: 'NY', name: 'New York sales tax', rateBasisPoints: 400, appliesToShipping: true },
  { countryCode: 'US', regionCode: 'TX', name: 'Texas sales tax', rateBasisPoints: 625, appliesToShipping: true },
  { countryCode: 'US', regionCode: 'WA', name: 'Washington sales tax', rateBasisPoints: 650, appliesToShipping: true },
  { countryCode: 'DE', regionCode: null, name: 'Germany VAT', rateBasisPoints: 1900, appliesToShipping: true },
  { countryCode: 'FR', regionCode: null, name: 'France VAT', rateBasisPoints: 2000, appliesToShipping: true },
  { countryCode: 'GB', regionCode: null, name: 'UK VAT', rateBasisPoints: 2000, appliesToShipping: true },
  { countryCode: 'NL', regionCode: null, name: 'Netherlands VAT', rateBasisPoints: 2100, appliesToShipping: true },
  { countryCode: 'ES', regionCode: null, name: 'Spain VAT', rateBasisPoints: 2100, appliesToShipping: true },
  { countryCode: 'IT', regionCode: null, name: 'Italy VAT', rateBasisPoints: 2200, appliesToShipping: true },
  { countryCode: 'IE', regionCode: null, name: 'Ireland VAT', rateBasisPoints: 2300, appliesToShipping: true },
  { countryCode: 'CA', regionCode: null, name: 'Canada GST', rateBasisPoints: 500, appliesToShipping: true },
  { countryCode: 'AU', regionCode: null, name: 'Australia GST', rateBasisPoints: 1000, appliesToShipping: true },
];

export const DISCOUNT_CODES: Omit<NewDiscountCode, 'id'>[] = [
  {
    code: 'WELCOME10',
    description: 'Welcome offer: 10% off your first order of $50 or more.',
    type: 'percentage',
    value: 10,
    currency: STORE_CURRENCY,
    minSubtotalCents: 5000,
    perCustomerLimit: 1,
  },
  {
    code: 'SAVE5',
    description: '$5 off any order. Limited to the first 100 uses.',
    type: 'fixed_amount',
    value: 500,
    currency: STORE_CURRENCY,
    usageLimit: 100,
  },
];

export const DEMO_CUSTOMER_ADDRESS = {
  name: 'Jordan Rivera',
  company: null,
  line1: '500 Market Street',
  line2: 'Apt 4B',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  countryCode: 'US',
  phone: '+1 415 555 0142',
} as const;

/** Search synonym groups a merchant would start with (editable under /admin/search); a term may be a phrase. */
export const SEARCH_SYNONYMS: readonly (readonly string[])[] = [
  ['sneakers', 'trainers', 'running shoes'],
  ['backpack', 'rucksack'],
  ['sweatshirt', 'jumper', 'sweater'],
  ['earbuds', 'earphones'],
  ['flask', 'thermos'],
  ['duffel', 'holdall'],
  ['notebook', 'notepad'],
  ['tee', 't-shirt'],
];
