'use client';

import Script from 'next/script';
import { useEffect, useRef, useState } from 'react';

// Stripe's Payment Element, loaded from Stripe.js (card data never touches this server). The amount is fixed by the
// PaymentIntent the server created from the order total; the webhook, not this page, marks the order paid.

type StripeElements = { create: (type: 'payment') => { mount: (el: HTMLElement) => void; destroy: () => void } };
type StripeJs = {
  elements: (options: { clientSecret: string }) => StripeElements;
  confirmPayment: (options: { elements: StripeElements; confirmParams: { return_url: string } }) => Promise<{ error?: { message?: string } }>;
};
declare global {
  interface Window {
    Stripe?: (publishableKey: string) => StripeJs;
  }
}

export function StripePayment({ publishableKey, clientSecret, returnUrl }: { publishableKey: string; clientSecret: string; returnUrl: string }) {
  const mountRef = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [paying, setPaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stripeRef = useRef<{ stripe: StripeJs; elements: StripeElements } | null>(null);

  useEffect(() => {
    if (!loaded || !window.Stripe || !mountRef.current) return;
    const stripe = window.Stripe(publishableKey);
    const elements = stripe.elements({ clientSecret });
    const element = elements.create('payment');
    element.mount(mountRef.current);
    stripeRef.current = { stripe, elements };
    setReady(true);
    return () => element.destroy();
  }, [loaded, publishableKey, clientSecret]);

  async function pay(event: React.FormEvent) {
    event.preventDefault();
    if (!stripeRef.current) return;
    setPaying(true);
    setError(null);
    const result = await stripeRef.current.stripe.confirmPayment({ elements: stripeRef.current.elements, confirmParams: { return_url: returnUrl } });
    // Only reached on an immediate error; success redirects to return_url.
    if (result.error) setError(result.error.message ?? 'The payment did not go through.');
    setPaying(false);
  }

  return (
    <form onSubmit={pay} aria-label="Card payment" className="flex max-w-md flex-col gap-3 rounded-lg border border-zinc-200 p-4">
      <Script src="https://js.stripe.com/v3/" onReady={() => setLoaded(true)} />
      <h2 className="text-lg font-semibold">Pay by card</h2>
      <div ref={mountRef} aria-busy={!ready} />
      {!ready ? <p className="text-sm text-zinc-600">Loading the secure payment form…</p> : null}
      <button type="submit" disabled={!ready || paying} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
        {paying ? 'Paying…' : 'Pay now'}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
