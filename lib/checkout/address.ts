import { z } from 'zod';
import { checkPostalCode, checkRegion } from './regions';

// One address schema for the checkout form, the Store API and the address book. The per-country rules (region,
// postal code) live in ./regions.ts; `checkAddressRules` lets a service re-apply them to an already-parsed address.

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : null));

type CountryFields = { countryCode: string; region: string | null; postalCode: string };

/** The region and postal code to store, or the field errors (keyed "region" / "postalCode") that refuse them. */
export function checkAddressRules<T extends CountryFields>(address: T): { ok: true; address: T } | { ok: false; fieldErrors: Record<string, string[]> } {
  const region = checkRegion(address.countryCode, address.region);
  const postal = checkPostalCode(address.countryCode, address.postalCode);
  const fieldErrors: Record<string, string[]> = {};
  if (!region.ok) fieldErrors.region = [region.message];
  if (!postal.ok) fieldErrors.postalCode = [postal.message];
  if (!region.ok || !postal.ok) return { ok: false, fieldErrors };
  return { ok: true, address: { ...address, region: region.value, postalCode: postal.value ?? '' } };
}

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
      .transform((value) => (value ? value : null)),
    postalCode: z.string().trim().max(20),
    countryCode: z
      .string()
      .trim()
      .transform((value) => value.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{2}$/, 'Choose a country.')),
    phone: optionalText(40),
  })
  .transform((address, ctx) => {
    const checked = checkAddressRules(address);
    if (checked.ok) return checked.address;
    for (const [path, messages] of Object.entries(checked.fieldErrors)) {
      for (const message of messages) ctx.addIssue({ code: 'custom', path: [path], message });
    }
    return z.NEVER;
  });

export type AddressInput = z.infer<typeof addressSchema>;
