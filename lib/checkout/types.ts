import { z } from 'zod';
import { paymentStartSchema } from '@/lib/payments/types';

/** What placing an order answers: the order's number and server-computed total, and how to pay for it. */
export const placedOrderResponseSchema = z.object({
  order: z.object({
    number: z.string(),
    totalCents: z.number().int().min(0).describe('Total to pay, computed on the server, in minor units (cents)'),
    currency: z.string(),
  }),
  payment: paymentStartSchema.optional().describe('Present when paymentProvider is "stripe": the PaymentIntent to confirm'),
});
export type PlacedOrderResponse = z.infer<typeof placedOrderResponseSchema>;
