import { z } from 'zod';
import { optionalUtcDate as optionalDate } from '@/lib/http/form-data';


const optionalLimit = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      if (!/^\d{1,9}$/.test(value) || Number(value) < 1) {
        ctx.addIssue({ code: 'custom', message: `${label} must be a whole number of at least 1, or empty for no limit.` });
        return z.NEVER;
      }
      return Number(value);
    });

export const discountSchema = z
  .object({
    id: z.uuid().optional(),
    code: z
      .string()
      .trim()
      .transform((value) => value.toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9_-]{2,39}$/, 'Use 3–40 letters, digits, - or _.')),
    description: z.string().trim().max(200, 'Keep the description under 200 characters.').default(''),
    type: z.enum(['percentage', 'fixed_amount', 'free_shipping'], 'Choose a discount type.'),
    // Percent (whole number) or an amount in the store currency; ignored for free shipping.
    value: z.string().trim().max(30).default(''),
    minSubtotal: z.string().trim().max(30).default(''),
    usageLimit: optionalLimit('The usage limit'),
    perCustomerLimit: optionalLimit('The per-customer limit'),
    startsAt: optionalDate('The start'),
    endsAt: optionalDate('The end'),
    isActive: z
      .string()
      .optional()
      .transform((value) => value === 'on' || value === 'true'),
  })
  .refine((input) => !input.startsAt || !input.endsAt || input.endsAt > input.startsAt, {
    message: 'The end must be after the start.',
    path: ['endsAt'],
  });

export const discountIdSchema = z.object({ id: z.uuid('Unknown discount.') });

export type DiscountInput = z.infer<typeof discountSchema>;
