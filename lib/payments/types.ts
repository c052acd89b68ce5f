import { z } from 'zod';

/** How the client pays for a placed order: nothing to do (manual), or a Stripe PaymentIntent to confirm. */
export const paymentStartSchema = z
  .discriminatedUnion('provider', [
    z.object({ provider: z.literal('manual') }),
    z.object({
      provider: z.literal('stripe'),
      paymentIntentId: z.string().meta({ examples: ['pi_3Q…'] }),
      clientSecret: z.string().describe('Secret of the PaymentIntent: give it only to the paying customer; do not log or store it.'),
      publishableKey: z.string().describe("The store's Stripe publishable key"),
    }),
  ])
  .describe(
    'With paymentProvider "stripe": confirm the PaymentIntent client-side (Stripe.js confirmPayment, or the mobile SDKs) with clientSecret and publishableKey. Its amount and currency are the order total from the server. The order is marked paid by the Stripe webhook, never by the client.',
  );
export type PaymentStart = z.infer<typeof paymentStartSchema>;
