import { z } from 'zod';

// Postal code shapes for the countries the demo store ships to most; other countries get a loose check.
// Input is upper-cased and trimmed first, so "sw1a 1aa" is accepted as "SW1A 1AA".
export const POSTAL_CODE_PATTERNS: Record<string, { pattern: RegExp; example: string }> = {
  US: { pattern: /^\d{5}(-\d{4})?$/, example: '94105 or 94105-1234' },
  CA: { pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/, example: 'K1A 0B1' },
  GB: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, example: 'SW1A 1AA' },
  DE: { pattern: /^\d{5}$/, example: '10115' },
  FR: { pattern: /^\d{5}$/, example: '75001' },
  ES: { pattern: /^\d{5}$/, example: '28001' },
  IT: { pattern: /^\d{5}$/, example: '00184' },
  NL: { pattern: /^\d{4} ?[A-Z]{2}$/, example: '1012 AB' },
  IE: { pattern: /^(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$/, example: 'D02 X285' },
  AU: { pattern: /^\d{4}$/, example: '2000' },
};

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP'.split(
    ' ',
  ),
);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : null));

export const addressSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter the recipient’s name.').max(120),
    company: optionalText(120),
    line1: z.string().trim().min(1, 'Enter the street address.').max(200),
    line2: optionalText(200),
    city: z.string().trim().min(1, 'Enter the city.').max(120),
    region: z
      .string()
      .trim()
      .max(60)
      .optional()
      .transform((value) => (value ? value.toUpperCase() : null)),
    postalCode: z.string().trim().max(20).transform((value) => value.toUpperCase()),
    countryCode: z
      .string()
      .trim()
      .transform((value) => value.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{2}$/, 'Choose a country.')),
    phone: optionalText(40),
  })
  .superRefine((address, ctx) => {
    const rule = POSTAL_CODE_PATTERNS[address.countryCode];
    if (rule && !rule.pattern.test(address.postalCode)) {
      ctx.addIssue({ code: 'custom', path: ['postalCode'], message: `Enter a valid postal code (e.g. ${rule.example}).` });
    } else if (!rule && !/^[A-Z0-9][A-Z0-9 -]{1,11}$/.test(address.postalCode) && address.postalCode !== '') {
      ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'Enter a valid postal code.' });
    }
    if (address.countryCode === 'US' && (!address.region || !US_STATES.has(address.region))) {
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'Enter the two-letter state code (e.g. CA).' });
    }
  });

export type AddressInput = z.infer<typeof addressSchema>;
