import { z } from 'zod';
import { paymentStartSchema } from '@/lib/payments/types';

/** What placing an order answers: the order's number and server-computed total, and how to pay for it. */
export const placedOrderResponseSchema = z.object({
  order: z.object({
    number: z.string(),
    totalCents: z.number().int().min(0).describe('Total to pay, computed on the server, in minor units (cents)'),
    currency: z.string(),
    amountDueCents: z.number().int().min(0).describe('Left to pay after gift cards and store credit; 0: the order is paid already'),
  }),
  payment: paymentStartSchema.optional().describe('Present when paymentProvider is "stripe": the PaymentIntent to confirm'),
});
export type PlacedOrderResponse = z.infer<typeof placedOrderResponseSchema>;

const cents = z.number().int().min(0);

export const shippingOptionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  priceCents: cents,
  currency: z.string(),
  freeAboveCents: cents.nullable(),
  minDeliveryDays: z.number().int().nullable(),
  maxDeliveryDays: z.number().int().nullable(),
});
export type ShippingOptionView = z.infer<typeof shippingOptionSchema>;

/**
 * The checkout's order summary for an address, rate and code, priced by the same code placement uses. The address
 * errors are advice for the fields (placement refuses the same things); the totals never depend on the client.
 */
const marketRefSchema = z.object({ code: z.string(), name: z.string(), currency: z.string() });

export const checkoutQuoteViewSchema = z.object({
  currency: z.string(),
  market: z.string().describe('The market the cart is priced in (its code)'),
  marketChange: z
    .object({ from: marketRefSchema, to: marketRefSchema })
    .nullable()
    .describe('Set when this destination belongs to another market: the cart moved there and every line was re-priced in its currency'),
  countryCode: z.string(),
  shippingOptions: z.array(shippingOptionSchema),
  selectedRateId: z.uuid().nullable(),
  totals: z.object({
    subtotalCents: cents,
    discountCents: cents,
    shippingCents: cents,
    taxCents: cents,
    totalCents: cents,
    taxInclusive: z.boolean(),
  }),
  discount: z.object({ code: z.string(), description: z.string() }).nullable(),
  promotions: z
    .array(z.object({ id: z.uuid(), title: z.string(), amountCents: cents, freeShipping: z.boolean() }))
    .describe('The promotions applied, each with what it takes off (within totals.discountCents; the rest is the code’s)'),
  discountError: z.string().nullable(),
  giftCards: z
    .array(z.object({ code: z.string(), lastFour: z.string(), amountCents: cents.describe('What this card pays of the order'), balanceCents: cents.describe("The card's balance now") }))
    .describe('The gift cards applied, in the order they pay; a card the order no longer needs pays 0'),
  giftCardError: z.string().nullable().describe('Why a code was refused (unknown, disabled, expired, another currency, empty, or too many attempts)'),
  storeCredit: z.object({ availableCents: cents, appliedCents: cents }).nullable().describe("The signed-in customer's store credit in this currency, when they have some"),
  amountDueCents: cents.describe('Left to pay by card or manual payment after gift cards and store credit; 0 needs no payment'),
  allocations: z
    .array(
      z.object({
        lineId: z.uuid(),
        variantId: z.uuid(),
        quantity: z.number().int().min(1),
        subtotalCents: cents,
        discountCents: cents,
        taxCents: cents,
      }),
    )
    .describe('How the discount and tax are split over the lines that can be bought, as placement records them per order line'),
  addressErrors: z.object({ region: z.string().optional(), postalCode: z.string().optional() }),
});
export type CheckoutQuoteView = z.infer<typeof checkoutQuoteViewSchema>;
