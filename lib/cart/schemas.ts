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

export const addToCartSchema = z.object({
  variantId: z.uuid('Choose an option.'),
  quantity: z.preprocess((value) => (value === undefined || value === '' ? 1 : value), quantitySchema),
});

export const updateLineSchema = z.object({
  lineId: z.uuid(),
  quantity: quantitySchema,
});

export const removeLineSchema = z.object({ lineId: z.uuid() });

export type AddToCartInput = z.infer<typeof addToCartSchema>;
export type UpdateLineInput = z.infer<typeof updateLineSchema>;
