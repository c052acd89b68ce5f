import { z } from 'zod';
import { minorUnitDigits, normaliseCurrency } from '@/lib/money';
import { contrastWithWhite, HEX_COLOR } from './brand';
import { isCountryCode } from './countries';

// Form fields arrive as strings. Money stays a decimal string here and is parsed with lib/money in the service,
// where the store currency (which decides the decimal places) is known.

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === 'on' || value === 'true');

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : null));

const wholeNumber = (label: string, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${label} must be a whole number.`)
    .transform(Number)
    .pipe(z.number().max(max, `${label} must be at most ${max}.`));

const optionalWholeNumber = (label: string, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(wholeNumber(label, max).optional())
    .transform((value) => value ?? null);

export const currencySchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      normaliseCurrency(value);
      minorUnitDigits(value);
      return true;
    } catch {
      return false;
    }
  }, 'Enter a three-letter ISO currency code, e.g. USD or EUR.')
  .transform((value) => value.toUpperCase());

export const storeSettingsSchema = z.object({
  name: z.string().trim().min(1, 'Enter the store name.').max(120, 'That name is too long.'),
  currency: currencySchema,
  taxDisplay: z.enum(['inclusive', 'exclusive'], 'Choose how prices show tax.'),
  lowStockThreshold: wholeNumber('The low-stock threshold', 1_000_000),
  supportEmail: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value.toLowerCase() : null))
    .pipe(z.email('Enter a valid email address, or leave it empty.').nullable()),
  requireAdminTwoFactor: checkbox,
});

const multiline = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((value) => (value ? value.replace(/\r\n/g, '\n') : null));

/** The brand and how shoppers reach the store: storefront header and footer, the contact details in emails. */
export const storeBrandSchema = z.object({
  logoUrl: z
    .string()
    .trim()
    .max(500, 'That address is too long.')
    .optional()
    .transform((value) => (value ? value : null))
    .pipe(
      z
        .string()
        // A path on this store: the storefront's Content-Security-Policy loads images from here only.
        .refine((value) => /^\/(?!\/)[^\s\\]*$/.test(value), 'Use a path on this store, e.g. /media/… or a file in public/.')
        .nullable(),
    ),
  accentColor: z
    .string()
    .trim()
    .toLowerCase()
    .regex(HEX_COLOR, 'Use a colour like #2f5fd0.')
    .refine((value) => contrastWithWhite(value) >= 4.5, 'White text on this colour is hard to read (below 4.5:1). Choose a darker colour.'),
  contactPhone: optionalText(40, 'At most 40 characters.'),
  contactAddress: multiline(300),
  paymentInstructions: multiline(1000),
});
export type StoreBrandInput = z.infer<typeof storeBrandSchema>;

const countryCodeSchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code, e.g. US.'));

export const shippingZoneSchema = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, 'Enter a zone name.').max(120, 'That name is too long.'),
  countries: z
    .string()
    .transform((value) => [...new Set(value.split(/[\s,;]+/).map((code) => code.trim().toUpperCase()).filter(Boolean))])
    .pipe(
      z
        .array(z.string().regex(/^[A-Z]{2}$/, 'Use two-letter country codes separated by commas, e.g. US, CA.'))
        .min(1, 'Choose at least one country.')
        .max(250, 'Too many countries.')
        .superRefine((codes, ctx) => {
          const unknown = codes.filter((code) => /^[A-Z]{2}$/.test(code) && !isCountryCode(code));
          if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `Not a country code: ${unknown.join(', ')}.` });
        }),
    ),
});

export const idSchema = z.object({ id: z.uuid('Unknown item.') });

export const shippingRateSchema = z
  .object({
    id: z.uuid().optional(),
    zoneId: z.uuid('Unknown zone.'),
    name: z.string().trim().min(1, 'Enter a name, e.g. Standard.').max(120, 'That name is too long.'),
    price: z.string().trim().min(1, 'Enter a price (0 for free).').max(30),
    freeAbove: z.string().trim().max(30).optional().default(''),
    minDeliveryDays: optionalWholeNumber('Minimum days', 365),
    maxDeliveryDays: optionalWholeNumber('Maximum days', 365),
    isActive: checkbox,
  })
  .refine((rate) => rate.minDeliveryDays === null || rate.maxDeliveryDays === null || rate.maxDeliveryDays >= rate.minDeliveryDays, {
    message: 'The maximum cannot be below the minimum.',
    path: ['maxDeliveryDays'],
  });

/** "20", "8.25" → basis points (2000, 825): at most two decimals, 0–100 %. */
export const percentSchema = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, 'Enter a percentage like 20 or 8.25.')
  .transform((value) => {
    const [whole = '0', fraction = ''] = value.split('.');
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  })
  .pipe(z.number().max(10_000, 'A rate cannot be above 100 %.'));

export const taxRateSchema = z.object({
  id: z.uuid().optional(),
  countryCode: countryCodeSchema,
  regionCode: optionalText(10, 'Use a short region code, e.g. CA.').transform((value) => value?.toUpperCase() ?? null),
  name: z.string().trim().min(1, 'Enter a name, e.g. VAT.').max(120, 'That name is too long.'),
  rate: percentSchema,
  appliesToShipping: checkbox,
});

export type StoreSettingsInput = z.infer<typeof storeSettingsSchema>;
export type ShippingZoneInput = z.infer<typeof shippingZoneSchema>;
export type ShippingRateInput = z.infer<typeof shippingRateSchema>;
export type TaxRateInput = z.infer<typeof taxRateSchema>;

/** Basis points as the percentage people type: 825 → "8.25", 2000 → "20". */
export function basisPointsToPercent(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const fraction = basisPoints % 100;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}
