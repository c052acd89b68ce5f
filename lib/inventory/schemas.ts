import { z } from 'zod';

// What staff may send to change stock, and the inventory list's query (lib/inventory/service.ts, queries.ts).

export const adjustmentReasons = ['received', 'damaged', 'correction', 'returned'] as const;
export type AdjustmentReason = (typeof adjustmentReasons)[number];

const adjustmentFields = {
  delta: z.coerce
    .number({ error: 'Enter a whole number, e.g. 5 or -2.' })
    .int('Enter a whole number, e.g. 5 or -2.')
    .min(-1_000_000)
    .max(1_000_000)
    .refine((n) => n !== 0, 'Enter a change other than 0.'),
  reason: z.enum(adjustmentReasons, { error: 'Choose a reason.' }),
  note: z.string().trim().max(500, 'At most 500 characters.').optional().default(''),
};

/** A reason says which way stock moves: received and returned stock comes in, damaged stock goes out. */
function reasonFitsDirection(input: { delta: number; reason: AdjustmentReason }, ctx: z.RefinementCtx) {
  if ((input.reason === 'received' || input.reason === 'returned') && input.delta < 0) {
    ctx.addIssue({ code: 'custom', path: ['delta'], message: 'Received and returned stock adds to the count: enter a positive number.' });
  }
  if (input.reason === 'damaged' && input.delta > 0) {
    ctx.addIssue({ code: 'custom', path: ['delta'], message: 'Damaged stock leaves the count: enter a negative number.' });
  }
}

export const adjustStockSchema = z.object({ variantId: z.uuid(), ...adjustmentFields }).superRefine(reasonFitsDirection);
export type AdjustStockInput = z.infer<typeof adjustStockSchema>;

/** "Set to": the count staff made; the change against the stock at that moment is worked out in the database. */
export const setStockSchema = z.object({
  variantId: z.uuid(),
  quantity: z.coerce
    .number({ error: 'Enter a whole number, e.g. 12.' })
    .int('Enter a whole number, e.g. 12.')
    .min(0, 'Stock cannot be negative.')
    .max(1_000_000, 'At most 1,000,000.'),
  note: z.string().trim().max(500, 'At most 500 characters.').optional().default(''),
});
export type SetStockInput = z.infer<typeof setStockSchema>;

/** The products list's bulk move: the same change on every variant of each chosen product. */
export const MAX_BULK_PRODUCTS = 100;
export const bulkAdjustStockSchema = z
  .object({
    ids: z.preprocess(
      (value) => (typeof value === 'string' ? [value] : value ?? []),
      z
        .array(z.uuid('Unknown product.'))
        .min(1, 'Choose at least one product.')
        .max(MAX_BULK_PRODUCTS, `At most ${MAX_BULK_PRODUCTS} products at a time.`)
        .transform((ids) => [...new Set(ids)]),
    ),
    ...adjustmentFields,
  })
  .superRefine(reasonFitsDirection);
export type BulkAdjustStockInput = z.infer<typeof bulkAdjustStockSchema>;

export const inventorySorts = ['sku', 'product', 'stock'] as const;

export const inventoryQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  low: z.enum(['1']).optional().catch(undefined),
  // The column the list is sorted by and which way; without them by SKU, or lowest stock first when only low stock is shown.
  sort: z.enum(inventorySorts).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type InventoryQuery = z.infer<typeof inventoryQuerySchema>;

/** The sort a list query gets: the URL's, else by SKU (lowest stock first for the low-stock view); every column ascends first. */
export function inventorySort(query: Pick<InventoryQuery, 'sort' | 'dir' | 'low'>): { key: (typeof inventorySorts)[number]; dir: 'asc' | 'desc' } {
  return { key: query.sort ?? (query.low ? 'stock' : 'sku'), dir: query.dir ?? 'asc' };
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
  .optional()
  .catch(undefined);

/** A variant's stock history between two UTC days (both included); a day that is not a date is ignored. */
export const ledgerFilterSchema = z.object({ from: day, to: day });
export type LedgerFilter = z.infer<typeof ledgerFilterSchema>;
