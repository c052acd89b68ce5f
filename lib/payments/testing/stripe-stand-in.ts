import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { env } from '@/lib/env';

// A local stand-in for the parts of Stripe's API the store calls, listening at STRIPE_API_URL (set per integration
// run by db/testing/global-setup.ts), so tests use the real Stripe SDK without the network or a real key:
//   POST /v1/payment_intents            create (honours Idempotency-Key as Stripe does)
//   GET  /v1/payment_intents/:id        retrieve — what the webhook re-fetches instead of trusting an event
//   POST /v1/refunds                    create (honours Idempotency-Key; keeps the metadata the store sends)
//   GET  /v1/refunds?payment_intent=…   list — what the webhook reconciles refunds from
// Tests change Stripe's side directly (`putIntent`, `refundInDashboard`), as a payment or a dashboard refund would.
// It proves what we send and what we do with Stripe's answers; it does not prove Stripe's own behaviour.

type Json = Record<string, unknown>;

export type PaymentIntentCall = { amount: number; currency: string; orderId: string; idempotencyKey: string | undefined; authorization: string | undefined };

export type StripeStandIn = {
  /** Every PaymentIntent creation, in order. */
  paymentIntentCalls: PaymentIntentCall[];
  /** Answer the next n requests with a 500 (no retry). */
  failNext: (n: number) => void;
  /** Sets (or replaces) a PaymentIntent as Stripe holds it. */
  putIntent: (intent: { id: string; amount: number; currency: string; status: string; metadata?: Record<string, string>; amount_received?: number }) => void;
  /** A refund made outside the store (Stripe's dashboard): Stripe has it, the store has not been told yet. */
  refundInDashboard: (paymentIntent: string, amount: number, status?: string) => Json;
  refundsOf: (paymentIntent: string) => Json[];
  close: () => Promise<void>;
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function send(response: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_stand_in', ...headers }).end(JSON.stringify(body));
}

const missing = (message: string) => ({ error: { type: 'invalid_request_error', code: 'resource_missing', message } });

function metadataOf(form: URLSearchParams): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [key, value] of form) {
    const match = /^metadata\[(.+)\]$/.exec(key);
    if (match) metadata[match[1]!] = value;
  }
  return metadata;
}

export async function startStripeStandIn(url = env.STRIPE_API_URL): Promise<StripeStandIn> {
  if (!url) throw new Error('STRIPE_API_URL is not set (db/testing/global-setup.ts sets it)');
  const intents = new Map<string, Json>();
  const refunds = new Map<string, Json[]>();
  const byKey = new Map<string, Json>();
  const paymentIntentCalls: PaymentIntentCall[] = [];
  let failures = 0;
  let sequence = 0;

  const createRefund = (paymentIntent: string, amount: number, metadata: Record<string, string>, status = 'succeeded') => {
    const intent = intents.get(paymentIntent);
    sequence += 1;
    const refund: Json = {
      id: `re_stand_in_${sequence}_${Date.now().toString(36)}`,
      object: 'refund',
      amount,
      currency: (intent?.currency as string | undefined) ?? 'usd',
      payment_intent: paymentIntent,
      charge: `ch_${paymentIntent}`,
      status,
      reason: null,
      metadata,
      created: Math.floor(Date.now() / 1000),
    };
    refunds.set(paymentIntent, [refund, ...(refunds.get(paymentIntent) ?? [])]);
    return refund;
  };

  const server: Server = createServer(async (request, response) => {
    const form = new URLSearchParams(await readBody(request));
    const { pathname, searchParams } = new URL(request.url ?? '/', 'http://stand-in');
    if (failures > 0) {
      failures -= 1;
      send(response, 500, { error: { type: 'api_error', message: 'stand-in outage' } }, { 'stripe-should-retry': 'false' });
      return;
    }
    const idempotencyKey = request.headers['idempotency-key'] as string | undefined;
    if (request.method === 'POST' && pathname === '/v1/payment_intents') {
      paymentIntentCalls.push({
        amount: Number(form.get('amount')),
        currency: form.get('currency') ?? '',
        orderId: form.get('metadata[orderId]') ?? '',
        idempotencyKey,
        authorization: request.headers.authorization,
      });
      let intent = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
      if (!intent) {
        const id = `pi_local_${paymentIntentCalls.length}_${Date.now()}`;
        intent = {
          id,
          object: 'payment_intent',
          amount: Number(form.get('amount')),
          amount_received: 0,
          currency: form.get('currency'),
          client_secret: `${id}_secret_${Math.random().toString(36).slice(2)}`,
          status: 'requires_payment_method',
          metadata: metadataOf(form),
        };
        intents.set(id, intent);
        if (idempotencyKey) byKey.set(idempotencyKey, intent);
      }
      send(response, 200, intent);
      return;
    }
    const intentMatch = /^\/v1\/payment_intents\/([^/]+)$/.exec(pathname);
    if (request.method === 'GET' && intentMatch) {
      const intent = intents.get(decodeURIComponent(intentMatch[1]!));
      if (intent) send(response, 200, intent);
      else send(response, 404, missing(`No such payment_intent: '${intentMatch[1]}'`));
      return;
    }
    if (request.method === 'POST' && pathname === '/v1/refunds') {
      const existing = idempotencyKey ? byKey.get(`refund:${idempotencyKey}`) : undefined;
      if (existing) return send(response, 200, existing);
      const paymentIntent = form.get('payment_intent') ?? '';
      if (!intents.has(paymentIntent)) return send(response, 404, missing(`No such payment_intent: '${paymentIntent}'`));
      const refund = createRefund(paymentIntent, Number(form.get('amount')), metadataOf(form));
      if (idempotencyKey) byKey.set(`refund:${idempotencyKey}`, refund);
      send(response, 200, refund);
      return;
    }
    if (request.method === 'GET' && pathname === '/v1/refunds') {
      const paymentIntent = searchParams.get('payment_intent') ?? '';
      send(response, 200, { object: 'list', url: '/v1/refunds', has_more: false, data: refunds.get(paymentIntent) ?? [] });
      return;
    }
    send(response, 404, { error: { type: 'invalid_request_error', message: `${request.method} ${pathname} is not in the stand-in` } });
  });
  const address = new URL(url);
  await new Promise<void>((resolve) => server.listen(Number(address.port), address.hostname, resolve));

  return {
    paymentIntentCalls,
    failNext: (n) => {
      failures = n;
    },
    putIntent: (intent) => {
      intents.set(intent.id, { object: 'payment_intent', metadata: {}, amount_received: intent.status === 'succeeded' ? intent.amount : 0, client_secret: `${intent.id}_secret_x`, ...intent });
    },
    refundInDashboard: (paymentIntent, amount, status = 'succeeded') => createRefund(paymentIntent, amount, {}, status),
    refundsOf: (paymentIntent) => refunds.get(paymentIntent) ?? [],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
