import 'server-only';
import { env } from '@/lib/env';

// The payment providers a shopper can choose. `manual` (bank transfer, cash on delivery …) is always there;
// Stripe appears only when both of its keys are configured.

export type PaymentProviderId = 'manual' | 'stripe';
export type PaymentProviderInfo = { id: PaymentProviderId; label: string; description: string };

export function isStripeEnabled(): boolean {
  return Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_PUBLISHABLE_KEY);
}

export function listPaymentProviders(): PaymentProviderInfo[] {
  const providers: PaymentProviderInfo[] = [
    { id: 'manual', label: 'Pay later (bank transfer)', description: 'We email you payment instructions; the order ships once paid.' },
  ];
  if (isStripeEnabled()) providers.push({ id: 'stripe', label: 'Card', description: 'Pay securely by card with Stripe.' });
  return providers;
}

export function stripePublishableKey(): string | null {
  return isStripeEnabled() ? (env.STRIPE_PUBLISHABLE_KEY ?? null) : null;
}
