import { randomUUID } from 'node:crypto';

const INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Reuses an upstream x-request-id (e.g. from the load balancer) when it is well formed, otherwise makes one. */
export function requestIdFrom(headers: Headers): string {
  return requestIdFromValue(headers.get('x-request-id') ?? undefined);
}

/** requestIdFrom() for a raw header value (the Node server's IncomingMessage). */
export function requestIdFromValue(incoming: string | undefined): string {
  return incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
}
