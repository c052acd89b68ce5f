import { z } from 'zod';
import { optionalUtcDate as optionalDate } from '@/lib/http/form-data';

// The promotion form as the admin posts it (flat strings, as a form sends them), parsed into a promotion. Amounts are
// in the store currency; percentages whole numbers; dates UTC, as the discount form reads them.

const optionalWhole = (label: string, min: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      if (!/^\d{1,9}$/.test(value) || Number(value) < min) {
        ctx.addIssue({ code: 'custom', message: `${label} must be a whole number of at least ${min}, or empty.` });
        return z.NEVER;
      }
      return Number(value);
    });

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === 'on' || value === 'true');

/** Ids picked in the form: repeated fields, or one comma-separated field. */
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (Array.isArray(value) ? value : (value ?? '').split(',')).map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(z.uuid('Pick from the list.')).max(500));

export const promotionFormSchema = z
  .object({
    id: z.uuid().optional(),
    title: z.string().trim().min(1, 'Give the promotion a name shoppers will read.').max(80, 'Keep the name under 80 characters.'),
    code: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value.toUpperCase() : null))
      .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9_-]{2,39}$/, 'Use 3–40 letters, digits, - or _.').nullable()),
    isActive: checkbox,
    startsAt: optionalDate('The start'),
    endsAt: optionalDate('The end'),
    eligibility: z.enum(['everyone', 'signed_in', 'group', 'first_order'], 'Choose who can get it.'),
    customerGroupId: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || null)
      .pipe(z.uuid('Choose a customer group.').nullable()),
    minSubtotal: z.string().trim().max(30).default(''),
    minQuantity: optionalWhole('The minimum quantity', 1),
    scope: z.enum(['order', 'products', 'categories'], 'Choose what it applies to.'),
    productIds: idList,
    categoryIds: idList,
    excludeSaleItems: checkbox,
    stackable: checkbox,
    actionKind: z.enum(['percent', 'fixed', 'free_shipping', 'buy_x_get_y', 'tiered'], 'Choose what it gives.'),
    percent: z.string().trim().max(10).default(''),
    amount: z.string().trim().max(30).default(''),
    buyQuantity: optionalWhole('Buy', 1),
    getQuantity: optionalWhole('Get', 1),
    getPercent: z.string().trim().max(10).default(''),
    maxApplications: optionalWhole('The per-order cap', 1),
    tierBasis: z.enum(['spend', 'quantity']).default('spend'),
    // One step per line or comma: "100 = 10" (spend 100 or more: 10 % off).
    tiers: z.string().trim().max(500).default(''),
    usageLimit: optionalWhole('The usage limit', 1),
    perCustomerLimit: optionalWhole('The per-customer limit', 1),
  })
  .superRefine((input, ctx) => {
    if (input.startsAt && input.endsAt && input.endsAt <= input.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end must be after the start.' });
    if (input.eligibility === 'group' && !input.customerGroupId) ctx.addIssue({ code: 'custom', path: ['customerGroupId'], message: 'Choose a customer group.' });
    if (input.scope === 'products' && input.productIds.length === 0) ctx.addIssue({ code: 'custom', path: ['productIds'], message: 'Pick at least one product.' });
    if (input.scope === 'categories' && input.categoryIds.length === 0) ctx.addIssue({ code: 'custom', path: ['categoryIds'], message: 'Pick at least one category.' });
  });

export type PromotionFormInput = z.infer<typeof promotionFormSchema>;

export const promotionIdSchema = z.object({ id: z.uuid('Unknown promotion.') });

export const customerGroupSchema = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, 'Name the group.').max(60, 'Keep the name under 60 characters.'),
});

/** One or more emails, separated by commas, semicolons, spaces or new lines (a column pasted from a CSV file). */
export const groupMemberSchema = z.object({
  groupId: z.uuid('Unknown group.'),
  emails: z
    .string()
    .max(50_000)
    .transform((value) => [...new Set(value.split(/[\s,;]+/).map((email) => email.trim().toLowerCase()).filter(Boolean))])
    .pipe(z.array(z.email('Enter customers’ email addresses, separated by commas or new lines.')).min(1, 'Enter at least one email address.').max(1000, 'Add at most 1,000 customers at a time.')),
});

export const groupMemberRemoveSchema = z.object({ groupId: z.uuid('Unknown group.'), userId: z.uuid('Unknown customer.') });
