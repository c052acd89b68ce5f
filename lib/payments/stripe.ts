import 'server-only';
import Stripe from 'stripe';
import { env } from '@/lib/env';

let client: Stripe | undefined;

/** The Stripe API client; only called when Stripe is enabled (see providers.ts). */
export function getStripe(): Stripe {
  if (!env.STRIPE_SECRET_KEY) throw new Error('STRIPE_SECRET_KEY is not set');
  const base = env.STRIPE_API_URL ? new URL(env.STRIPE_API_URL) : null;
  client ??= new Stripe(env.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    ...(base ? { host: base.hostname, port: base.port || (base.protocol === 'https:' ? 443 : 80), protocol: base.protocol === 'http:' ? ('http' as const) : ('https' as const) } : {}),
  });
  return client;
}

/** Signature verification needs no API key and no network. */
export const stripeWebhooks = Stripe.webhooks;
export type StripeEvent = Stripe.Event;
export type StripePaymentIntent = Stripe.PaymentIntent;
export type StripeRefund = Stripe.Refund;
