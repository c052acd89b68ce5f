import { z } from 'zod';
import { type AddressSnapshot, orderStatuses, paymentStatuses } from '@/db/schema';
import type { OrderTransition } from './state-machine';

// One order read model: what the customer sees (OrderDetail, a zod schema: the one source of its type and of the
// Store API's document), and the staff view, which extends it.

const cents = (description: string) => z.number().int().min(0).describe(`${description}, in minor units (cents)`);

/** An address as it was when the order was placed (a snapshot: later address book edits do not change it). */
export const addressSnapshotSchema = z.object({
  name: z.string(),
  company: z.string().nullish(),
  line1: z.string(),
  line2: z.string().nullish(),
  city: z.string(),
  region: z.string().nullish(),
  postalCode: z.string(),
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  phone: z.string().nullish(),
}) satisfies z.ZodType<AddressSnapshot>;

export const orderStatusSchema = z.enum(orderStatuses);
export const paymentStatusSchema = z.enum(paymentStatuses);

export const orderSummarySchema = z.object({
  number: z.string(),
  status: orderStatusSchema,
  paymentStatus: paymentStatusSchema,
  totalCents: cents('Total charged'),
  currency: z.string(),
  placedAt: z.iso.datetime(),
  itemCount: z.number().int().min(0),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const orderLineSchema = z.object({
  productTitle: z.string(),
  variantTitle: z.string(),
  sku: z.string(),
  unitPriceCents: cents('Unit price paid'),
  quantity: z.number().int().min(1),
  totalCents: cents('The line as charged, its share of discount and (when added on top) tax included'),
});
export type OrderLineView = z.infer<typeof orderLineSchema>;

export const shipmentSchema = z.object({
  carrier: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.string().nullable(),
  status: z.enum(['shipped', 'delivered']),
  shippedAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
  items: z.array(z.object({ title: z.string().describe('"Title (Variant)"'), quantity: z.number().int() })).describe('What is in the parcel'),
});
export type ShipmentView = z.infer<typeof shipmentSchema>;

export const orderDetailSchema = z.object({
  number: z.string().meta({ examples: ['SF-7K3F9QX2'] }),
  email: z.string(),
  status: orderStatusSchema,
  paymentStatus: paymentStatusSchema,
  paymentProvider: z.string(),
  currency: z.string(),
  subtotalCents: cents('Sum of lines'),
  discountCents: cents('Discount'),
  discountCode: z.string().nullable(),
  promotions: z
    .array(z.object({ title: z.string(), amountCents: z.number().int().min(0), freeShipping: z.boolean() }))
    .describe('The promotions the order used, with what each took off (within discountCents; the rest is the code’s)'),
  shippingCents: cents('Shipping'),
  shippingMethod: z.string(),
  taxCents: cents('Tax (included in prices when taxInclusive)'),
  taxInclusive: z.boolean(),
  totalCents: cents('Total charged'),
  placedAt: z.iso.datetime(),
  shippingAddress: addressSnapshotSchema,
  lines: z.array(orderLineSchema),
  fulfilment: z.string().describe('"Not shipped", "Partially shipped", "Shipped" or "Delivered" (words shared with the admin)'),
  shipments: z.array(shipmentSchema).describe('Each parcel sent, with the carrier and tracking number the customer can follow'),
  confirmationEmail: z
    .enum(['sent', 'stored', 'pending', 'failed', 'none'])
    .describe('Whether the confirmation email went out (or was stored for the operator when no SMTP is configured)'),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

/** A line as staff see it: the customer's line plus what shipped and its share of discount and tax. */
export type StaffOrderLine = OrderLineView & { id: string; shippedQuantity: number; discountCents: number; taxCents: number };

/** The order as staff see it: the customer's view, plus payments, refunds, the timeline and the moves allowed now. */
export type StaffOrderDetail = Omit<OrderDetail, 'lines'> & {
  customerName: string | null;
  customerNote: string | null;
  refundedCents: number;
  /** Captured minus refunded: the most a refund may be now. */
  refundableCents: number;
  billingAddress: AddressSnapshot | null;
  lines: StaffOrderLine[];
  payments: { provider: string; status: string; amountCents: number; refundedCents: number; reference: string | null; capturedAt: string | null }[];
  refunds: { amountCents: number; status: string; reason: string; createdAt: string }[];
  /** What happened, oldest first; `note` entries are staff's internal notes (author: who wrote it). */
  timeline: { type: string; message: string; actor: string | null; actorName: string | null; createdAt: string; note: boolean }[];
  /** The moves the state machine allows now; the page shows a button for each and nothing else. */
  transitions: OrderTransition[];
};

export type StaffOrderRow = {
  number: string;
  email: string;
  customerName: string;
  status: string;
  paymentStatus: string;
  /** 'manual' (bank transfer, cash: staff mark it paid) or the card provider's name. */
  paymentProvider: string;
  totalCents: number;
  currency: string;
  itemCount: number;
  placedAt: string;
};

export type StaffOrderPage = { rows: StaffOrderRow[]; total: number; page: number; pageCount: number };
