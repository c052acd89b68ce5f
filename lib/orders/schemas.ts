import { z } from 'zod';
import { MoneyError, parseMoney } from '@/lib/money';
import { orderPaymentStatuses, orderStatusesList } from './labels';

// Order numbers, the input of the staff order moves and of the orders list. Forms post flat fields; these schemas give the services
// typed values (money in minor units, line quantities as numbers).

/** Order numbers: "SF-" and eight Crockford base-32 characters. */
export const ORDER_NUMBER_PATTERN = /^SF-[0-9A-HJKMNP-TV-Z]{8}$/;

export const orderNumberSchema = z.string().trim().toUpperCase().regex(ORDER_NUMBER_PATTERN, 'Not an order number.');

export const orderRefSchema = z.object({ number: orderNumberSchema });

/** The timeline event type of a staff member's internal note (never shown to the shopper). */
export const ORDER_NOTE_EVENT = 'note';

export const addOrderNoteSchema = z.object({
  number: orderNumberSchema,
  note: z.string().trim().min(1, 'Write the note.').max(2000, 'Keep the note under 2,000 characters.'),
});

export const cancelOrderSchema = z.object({
  number: orderNumberSchema,
  reason: z.string().trim().max(300, 'Keep the reason under 300 characters.').default(''),
});

const quantitySchema = z.coerce.number({ message: 'Enter a whole number.' }).int('Enter a whole number.').min(0, 'Enter 0 or more.').max(10_000);

export const fulfillOrderSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
    const record = raw as Record<string, unknown>;
    // The form posts one "qty.<order line id>" field per line; no such field means "ship everything left".
    const lines = Object.entries(record)
      .filter(([key]) => key.startsWith('qty.'))
      .map(([key, value]) => ({ orderLineId: key.slice(4), quantity: value === '' ? 0 : value }));
    return { ...record, lines: record.lines ?? (lines.length > 0 ? lines : undefined) };
  },
  z.object({
    number: orderNumberSchema,
    carrier: z.string().trim().min(1, 'Enter the carrier.').max(80, 'Keep the carrier under 80 characters.'),
    trackingNumber: z
      .string()
      .trim()
      .min(3, 'Enter the tracking number.')
      .max(100, 'Keep the tracking number under 100 characters.')
      .regex(/^[A-Za-z0-9 -]+$/, 'Use letters, digits, spaces and dashes only.'),
    trackingUrl: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^https?$/, message: 'Enter a full http(s) address, or leave it empty.' }).max(500).optional()),
    lines: z.array(z.object({ orderLineId: z.uuid(), quantity: quantitySchema })).max(500).optional(),
  }),
);
export type FulfillOrderInput = Omit<z.infer<typeof fulfillOrderSchema>, 'number'>;

export const refundOrderSchema = z
  .object({
    number: orderNumberSchema,
    currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/),
    amount: z.string().trim().min(1, 'Enter the amount to refund.'),
    reason: z.string().trim().max(300, 'Keep the reason under 300 characters.').default(''),
  })
  .transform((input, ctx) => {
    let amountCents = 0;
    try {
      amountCents = parseMoney(input.amount, input.currency).amountCents;
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: error instanceof MoneyError ? 'Enter an amount like 12.50.' : 'Enter an amount.' });
      return z.NEVER;
    }
    if (amountCents <= 0) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Enter an amount greater than zero.' });
      return z.NEVER;
    }
    return { number: input.number, currency: input.currency, amountCents, reason: input.reason };
  });
export type RefundOrderInput = Omit<z.infer<typeof refundOrderSchema>, 'number'>;

const dateSchema = z.preprocess((v) => (v === '' ? undefined : v), z.iso.date('Use a date like 2026-11-01.').optional());

export const ORDERS_PAGE_SIZE = 25;

/** The orders list's search params: unknown or malformed values fall back to "no filter" rather than an error page. */
export const orderListQuerySchema = z.object({
  status: z.enum(orderStatusesList).optional().catch(undefined),
  payment: z.enum(orderPaymentStatuses).optional().catch(undefined),
  from: dateSchema.catch(undefined),
  to: dateSchema.catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  // The column the list is sorted by and which way; without them, newest first.
  sort: z.enum(['placed', 'number', 'total', 'status']).default('placed').catch('placed'),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

/** Text ascends by default, dates and amounts descend. */
export function orderSortDirection(query: Pick<OrderListQuery, 'sort' | 'dir'>): 'asc' | 'desc' {
  return query.dir ?? (query.sort === 'number' || query.sort === 'status' ? 'asc' : 'desc');
}

/** The orders list's bulk moves: at most this many orders at once (each is its own transaction). */
export const MAX_BULK_ORDERS = 50;

const bulkNumbersSchema = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value ?? []),
  z
    .array(orderNumberSchema)
    .min(1, 'Choose at least one order.')
    .max(MAX_BULK_ORDERS, `At most ${MAX_BULK_ORDERS} orders at a time.`)
    .transform((numbers) => [...new Set(numbers)]),
);

export const bulkOrderNumbersSchema = z.object({ numbers: bulkNumbersSchema });

const trackingNumberSchema = z
  .string()
  .trim()
  .min(3, 'Enter the tracking number.')
  .max(100, 'Keep the tracking number under 100 characters.')
  .regex(/^[A-Za-z0-9 -]+$/, 'Use letters, digits, spaces and dashes only.');

/** The bulk fulfil form: one carrier, and a "tracking.<order number>" field per chosen order. */
export const bulkFulfillSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
    const record = raw as Record<string, unknown>;
    const shipments = Object.entries(record)
      .filter(([key]) => key.startsWith('tracking.'))
      .map(([key, trackingNumber]) => ({ number: key.slice('tracking.'.length), trackingNumber }));
    return { ...record, shipments: record.shipments ?? shipments };
  },
  z.object({
    carrier: z.string().trim().min(1, 'Enter the carrier.').max(80, 'Keep the carrier under 80 characters.'),
    shipments: z
      .array(z.object({ number: orderNumberSchema, trackingNumber: trackingNumberSchema }))
      .min(1, 'Choose at least one order.')
      .max(MAX_BULK_ORDERS, `At most ${MAX_BULK_ORDERS} orders at a time.`),
  }),
);
export type BulkFulfillInput = z.infer<typeof bulkFulfillSchema>;
