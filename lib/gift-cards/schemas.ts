import { z } from 'zod';

export const giftCardBalanceQuerySchema = z.object({
  code: z.string().trim().min(1, 'Enter the gift card code.').max(40, 'Enter the 16-character code from the gift card email.'),
});

const amount = z.string().trim().regex(/^-?\d{1,7}(\.\d{1,2})?$/, 'Enter an amount like 25.00.');
const reason = z.string().trim().min(1, 'Say why (kept in the ledger and the audit log).').max(300);

export const issueGiftCardSchema = z.object({
  currency: z.string().trim().regex(/^[A-Z]{3}$/, 'Choose a currency.'),
  amount: amount.refine((value) => !value.startsWith('-') && Number(value) > 0, 'Enter an amount above zero.'),
  expiresAt: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const date = new Date(`${value}T23:59:59Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date <= new Date()) {
        ctx.addIssue({ code: 'custom', message: 'Choose a date in the future, or leave it empty.' });
        return z.NEVER;
      }
      return date;
    }),
  recipientEmail: z
    .union([z.literal(''), z.email('Enter a valid email address.').max(254)])
    .optional()
    .transform((value) => (value ? value.toLowerCase() : null)),
  recipientName: z.string().trim().max(100).optional().transform((value) => value || null),
  message: z.string().trim().max(500).optional().transform((value) => value || null),
  note: z.string().trim().max(300).optional().default(''),
});
export type IssueGiftCardInput = z.infer<typeof issueGiftCardSchema>;

export const adjustGiftCardSchema = z.object({ id: z.uuid(), amount, reason });
export const giftCardIdSchema = z.object({ id: z.uuid(), disabled: z.enum(['true', 'false']).transform((value) => value === 'true') });

export const adjustStoreCreditSchema = z.object({
  customerId: z.uuid(),
  currency: z.string().trim().regex(/^[A-Z]{3}$/, 'Choose a currency.'),
  amount,
  reason,
});
