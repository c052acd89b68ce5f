import { z } from 'zod';
import { adjustmentReasons } from '@/lib/inventory/schemas';
import { productStatuses } from '@/db/schema/catalog';
import { cursorQuerySchema } from '@/lib/pagination';

// Request shapes of the Admin API that are not the panel's own: the path carries what a form posts as a field (an
// order number, a variant id), so each route re-validates through the domain's schema with it added. Amounts are
// decimal strings in the store currency ("19.99"), as in the editor and the CSV import.

export const idParamsSchema = z.object({ id: z.uuid() });
export const variantParamsSchema = z.object({ variantId: z.uuid() });
export const orderParamsSchema = z.object({ number: z.string().max(20) });

export const productListQuerySchema = cursorQuerySchema.extend({ status: z.enum(productStatuses).optional() });

export const productPricesSchema = z.object({
  variants: z
    .array(
      z.object({
        id: z.uuid(),
        price: z.string().trim().min(1).max(20).describe('Decimal in the store currency, e.g. "19.99"'),
        compareAtPrice: z.string().trim().max(20).optional().describe('Higher "was" price; empty or absent for none'),
      }),
    )
    .min(1)
    .max(100),
});

export const productImageFromUrlSchema = z.object({
  url: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .describe('Public http(s) address of a JPEG, PNG, WebP, AVIF or GIF image of at most 8 MB; the store fetches it (at most 3 redirects, 10 s)'),
  alt: z.string().trim().max(300).optional().describe('Alternative text, for shoppers who cannot see the image'),
  position: z.int().min(0).max(1000).optional().describe("Place in the product's images, 0 = first (the main image); absent or past the end appends"),
});

export const stockAdjustmentSchema = z.object({
  delta: z.number().int().min(-1_000_000).max(1_000_000).describe('Units in (positive) or out (negative); never 0'),
  reason: z.enum(adjustmentReasons),
  note: z.string().max(500).optional(),
});

export const fulfilmentRequestSchema = z.object({
  carrier: z.string().max(80),
  trackingNumber: z.string().max(100),
  trackingUrl: z.string().max(500).optional(),
  lines: z
    .array(z.object({ orderLineId: z.uuid(), quantity: z.number().int().min(0) }))
    .max(500)
    .optional()
    .describe('Quantities to ship; absent ships everything not yet shipped'),
});

export const cancelRequestSchema = z.object({ reason: z.string().max(300).optional() });

export const refundRequestSchema = z.object({
  amount: z.string().max(30).describe('Decimal in the order currency, e.g. "12.50"'),
  currency: z.string().length(3),
  reason: z.string().max(300).optional(),
});

export const discountRequestSchema = z.object({
  code: z.string().max(40),
  description: z.string().max(200).optional(),
  type: z.enum(['percentage', 'fixed_amount', 'free_shipping']),
  value: z.string().max(30).optional().describe('Whole percent, or an amount in the store currency; ignored for free shipping'),
  minSubtotal: z.string().max(30).optional(),
  usageLimit: z.int().min(1).nullable().optional(),
  perCustomerLimit: z.int().min(1).nullable().optional(),
  startsAt: z.iso.datetime().nullable().optional(),
  endsAt: z.iso.datetime().nullable().optional(),
  isActive: z.boolean(),
});
export type DiscountRequest = z.infer<typeof discountRequestSchema>;

/** The panel form's shape (strings, as a form posts them) for the discount service's own schema. */
export function discountFormFields(input: DiscountRequest, id?: string): Record<string, unknown> {
  return {
    id,
    code: input.code,
    description: input.description ?? '',
    type: input.type,
    value: input.value ?? '',
    minSubtotal: input.minSubtotal ?? '',
    usageLimit: input.usageLimit == null ? '' : String(input.usageLimit),
    perCustomerLimit: input.perCustomerLimit == null ? '' : String(input.perCustomerLimit),
    startsAt: input.startsAt ?? '',
    endsAt: input.endsAt ?? '',
    isActive: input.isActive ? 'true' : 'false',
  };
}

export const adminDiscountSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  description: z.string(),
  type: z.enum(['percentage', 'fixed_amount', 'free_shipping']),
  value: z.number().int().describe('Percent, or minor units for fixed_amount'),
  currency: z.string(),
  minSubtotalCents: z.number().int(),
  usageLimit: z.number().int().nullable(),
  perCustomerLimit: z.number().int().nullable(),
  timesUsed: z.number().int(),
  startsAt: z.iso.datetime().nullable(),
  endsAt: z.iso.datetime().nullable(),
  isActive: z.boolean(),
});

export function adminDiscount(view: Omit<z.infer<typeof adminDiscountSchema>, 'startsAt' | 'endsAt'> & { startsAt: Date | null; endsAt: Date | null }): z.infer<typeof adminDiscountSchema> {
  return { ...view, startsAt: view.startsAt?.toISOString() ?? null, endsAt: view.endsAt?.toISOString() ?? null };
}
