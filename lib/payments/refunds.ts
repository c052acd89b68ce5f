import 'server-only';
import type Stripe from 'stripe';
import { getStripe } from './stripe';

// Returning money through the provider that took it. Manual payments (bank transfer, cash) are refunded outside
// the store, so recording the refund is all there is; Stripe refunds go through Stripe's Refunds API.

export type RefundRequest = {
  /** Our refund row id: Stripe's idempotency key, so a retry never refunds twice. */
  refundId: string;
  /** The provider's payment reference (the PaymentIntent id for Stripe). */
  providerReference: string | null;
  amountCents: number;
  currency: string;
  reason: string;
};

export type RefundResult = { providerReference: string | null };

export interface PaymentRefunder {
  /** Throws when the provider refuses; nothing has been refunded then. */
  refund(request: RefundRequest): Promise<RefundResult>;
}

export const manualRefunder: PaymentRefunder = {
  async refund() {
    return { providerReference: null };
  },
};

/** A Stripe refunder over the given client (the configured one by default; tests pass one aimed at a local server). */
export function createStripeRefunder(client: () => Stripe = getStripe): PaymentRefunder {
  return {
    async refund(request) {
      if (!request.providerReference) throw new Error('The card payment has no PaymentIntent to refund.');
      const refund = await client().refunds.create(
        {
          payment_intent: request.providerReference,
          amount: request.amountCents,
          metadata: { refundId: request.refundId, reason: request.reason.slice(0, 450) },
        },
        { idempotencyKey: `refund-${request.refundId}` },
      );
      if (refund.status === 'failed' || refund.status === 'canceled') throw new Error(`Stripe refused the refund (${refund.status}).`);
      return { providerReference: refund.id };
    },
  };
}

export type Refunders = Record<'manual' | 'stripe', PaymentRefunder>;

export function defaultRefunders(): Refunders {
  return { manual: manualRefunder, stripe: createStripeRefunder() };
}
