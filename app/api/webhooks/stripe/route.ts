import { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { route } from '@/lib/auth/guards';
import { handleStripeWebhook } from '@/lib/payments/service';

// POST /api/webhooks/stripe — Stripe events. The raw body is read as text: the signature covers its exact bytes.
export const POST = route({}, async ({ request }) => {
  const raw = await request.text();
  if (Buffer.byteLength(raw) > 512 * 1024) return NextResponse.json({ error: 'Payload too large.' }, { status: 413 });
  const outcome = await handleStripeWebhook(raw, request.headers.get('stripe-signature'), env.STRIPE_WEBHOOK_SECRET);
  return NextResponse.json(outcome.body, { status: outcome.status });
});
