import { z } from 'zod';
import { returnDispositions, returnRefundDestinations, returnRefundMethods } from '@/db/schema';
import { emailSchema } from '@/lib/auth/email';
import { orderNumberSchema } from '@/lib/orders/schemas';

// Shapes of what a customer, a guest or staff may send about a return. The request form posts one quantity field and
// one "exchange for" field per order line (qty_<lineId>, exchange_<lineId>); linesFromForm turns them into lines.

export const RETURN_NUMBER_PATTERN = /^RT-[0-9A-HJKMNP-TV-Z]{8}$/;
export const returnNumberSchema = z.string().trim().toUpperCase().regex(RETURN_NUMBER_PATTERN, 'Not a return number.');
export const returnRefSchema = z.object({ number: returnNumberSchema });

const MAX_LINES = 100;

export const returnLineInputSchema = z.object({
  orderLineId: z.uuid('Unknown item.'),
  quantity: z.coerce.number().int('Enter a whole number.').min(1, 'Choose at least one.').max(1000),
  exchangeVariantId: z.preprocess((v) => (v === '' ? null : v), z.uuid('Unknown size or colour.').nullable().default(null)),
});

const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(max, message).nullable().default(null));

/** Form fields qty_<orderLineId> and exchange_<orderLineId> → lines with a quantity above zero. */
function linesFromForm(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const record = raw as Record<string, unknown>;
  if (Array.isArray(record.lines)) return raw;
  const lines: { orderLineId: string; quantity: unknown; exchangeVariantId: unknown }[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (!key.startsWith('qty_')) continue;
    if (value === '' || value === '0') continue;
    const orderLineId = key.slice(4);
    lines.push({ orderLineId, quantity: value, exchangeVariantId: record[`exchange_${orderLineId}`] ?? null });
  }
  return { ...record, lines };
}

const returnRequestFields = {
  number: orderNumberSchema,
  reason: z.string().trim().min(1, 'Choose a reason.').max(100, 'Choose a reason.'),
  comment: optionalText(1000, 'Keep the comment under 1,000 characters.'),
  refundMethod: z.preprocess((v) => (v === '' ? undefined : v), z.enum(returnRefundMethods).optional()),
  lines: z
    .array(returnLineInputSchema)
    .min(1, 'Choose at least one item to return.')
    .max(MAX_LINES)
    .refine((lines) => new Set(lines.map((line) => line.orderLineId)).size === lines.length, 'Each item may appear once.'),
};

export const returnRequestSchema = z.preprocess(linesFromForm, z.object(returnRequestFields));
export type ReturnRequestInput = z.infer<typeof returnRequestSchema>;

/** A guest proves the order is theirs with its email, like the order lookup. */
export const guestReturnRequestSchema = z.preprocess(linesFromForm, z.object({ ...returnRequestFields, email: emailSchema }));

export const guestReturnLookupSchema = z.object({
  number: z.string().trim().toUpperCase().min(1, 'Enter your order number.').max(20),
  email: emailSchema,
});

export const rejectReturnSchema = z.object({
  number: returnNumberSchema,
  reason: z.string().trim().min(1, 'Say why the return is rejected; the customer is told.').max(500, 'Keep the reason under 500 characters.'),
});

/** Receiving: every line is restocked or written off (form fields disposition_<returnLineId>). */
export const receiveReturnSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
    const record = raw as Record<string, unknown>;
    if (record.dispositions) return raw;
    const dispositions: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) if (key.startsWith('disposition_')) dispositions[key.slice(12)] = value;
    return { ...record, dispositions };
  },
  z.object({
    number: returnNumberSchema,
    dispositions: z.record(z.uuid(), z.enum(returnDispositions, 'Choose restock or write off.')),
  }),
);
export type ReceiveReturnInput = z.infer<typeof receiveReturnSchema>;

export const completeReturnSchema = z.object({
  number: returnNumberSchema,
  refundMethod: z.preprocess((v) => (v === '' ? undefined : v), z.enum(returnRefundMethods).optional()),
});

const REASON_LIST_MAX = 20;

export const returnPolicySchema = z.object({
  returnWindowDays: z.coerce.number().int('Enter whole days.').min(0, 'Enter 0 or more days.').max(3650, 'At most 3650 days.'),
  returnReasons: z.preprocess(
    (v) => (typeof v === 'string' ? v.split(/[;\n]/).map((line) => line.trim()).filter(Boolean) : v),
    z.array(z.string().trim().min(1).max(100, 'Keep each reason under 100 characters.')).min(1, 'List at least one reason.').max(REASON_LIST_MAX, `At most ${REASON_LIST_MAX} reasons.`),
  ),
  returnShippingFee: z.string().trim().default('0'),
  returnRefundDestination: z.enum(returnRefundDestinations),
});
export type ReturnPolicyInput = z.infer<typeof returnPolicySchema>;

export const returnListQuerySchema = z.object({
  status: z.enum(['requested', 'approved', 'rejected', 'cancelled', 'received', 'completing', 'completed']).optional().catch(undefined),
});
