import { z } from 'zod';

/** Most units of one variant a single cart line may hold, whatever the stock. */
export const MAX_LINE_QUANTITY = 10;

// Form fields arrive as strings, JSON as numbers: accept both, but only whole numbers in range — "1.5", "-1",
// "1e9" and "" are refused, never rounded or clamped.
export const quantitySchema = z.preprocess(
  (value) => (typeof value === 'string' && /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : value),
  z
    .number({ error: 'Enter a whole number.' })
    .int('Enter a whole number.')
    .min(1, 'Quantity must be at least 1.')
    .max(MAX_LINE_QUANTITY, `At most ${MAX_LINE_QUANTITY} per item.`),
);

/** Gift cards only: who receives the card(s) of the line; left out, the buyer does. */
export const giftCardRecipientSchema = z.object({
  email: z.email('Enter the recipient’s email address.').trim().toLowerCase().max(254),
  name: z.string().trim().max(100).default(''),
  message: z.string().trim().max(500, 'Keep the message under 500 characters.').default(''),
});

export const addToCartSchema = z.object({
  variantId: z.uuid('Choose an option.'),
  quantity: z.preprocess((value) => (value === undefined || value === '' ? 1 : value), quantitySchema),
  recipient: giftCardRecipientSchema.optional().describe('Gift cards only: who receives the card(s); ignored for other products'),
});

/** The product page's flat fields ("recipient.email"…) as the nested shape; an empty email means "to me". */
export function addToCartFormToInput(raw: unknown): unknown {
  const form = raw as Record<string, unknown>;
  if (!form || typeof form !== 'object' || !('recipient.email' in form)) return raw;
  const { 'recipient.email': email, 'recipient.name': name, 'recipient.message': message, ...rest } = form;
  return email ? { ...rest, recipient: { email, name, message } } : rest;
}

export const updateLineSchema = z.object({
  lineId: z.uuid(),
  quantity: quantitySchema,
});

export const removeLineSchema = z.object({ lineId: z.uuid() });

export type AddToCartInput = z.infer<typeof addToCartSchema>;
export type UpdateLineInput = z.infer<typeof updateLineSchema>;
