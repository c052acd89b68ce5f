import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

// Where a request's client address comes from — the key of every per-IP rate limit, so it must not be forgeable.
//
// Next 16 gives handlers no socket address (NextRequest.ip is gone since 15), and the `x-forwarded-for` it fills
// in itself is written with `??=` (base-server.js): a client that sends its own X-Forwarded-For keeps it. So the
// address is taken here, from the raw Node request, before Next sees it (lib/server/install.ts hands each request
// over from Node's documented `http.server.request.start` diagnostics channel). We compute the client address from
// TRUSTED_PROXY_HOPS and write it into CLIENT_IP_HEADER, overwriting whatever the client sent under that name; server
// actions and route handlers read only that header. The hop arithmetic is proxy-addr's (Express's own):
//
//   hops = 0 (default): the TCP peer. X-Forwarded-For and X-Real-IP are ignored entirely.
//   hops = N: the N-th address from the right of X-Forwarded-For (each trusted proxy appends the peer it saw;
//             anything further left was written by the client and is not believed).

export const CLIENT_IP_HEADER = 'x-storefront-client-ip';

const globalForIp = globalThis as typeof globalThis & { __storefrontClientIpHops?: number };

function normalise(address: string | undefined): string | null {
  if (!address) return null;
  let value = address.trim();
  // "[2001:db8::1]:443" and "203.0.113.9:5000" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (value.toLowerCase().startsWith('::ffff:') && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

/** The client address for a raw request: pure, so the hop arithmetic is unit-tested without a server. */
export function resolveClientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const peer = normalise(socketAddress) ?? 'unknown';
  if (hops <= 0 || forwardedFor === undefined) return peer;
  const request = {
    socket: { remoteAddress: socketAddress ?? '' },
    headers: { 'x-forwarded-for': Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor },
  } as unknown as IncomingMessage;
  // The socket is distance 0, the rightmost forwarded entry 1, …: trust the peer and the hops before the client.
  // With fewer entries than trusted hops (the request skipped a proxy) proxy-addr answers the leftmost.
  const address = proxyAddr(request, (_address, distance) => distance < hops);
  // Garbage in the trusted position falls back to the peer rather than becoming a free-form key.
  return normalise(address) ?? peer;
}

/** Turns the client address on for this process (lib/server/install.ts). */
export function enableClientIp(hops: number): void {
  globalForIp.__storefrontClientIpHops ??= hops;
}

/** Writes the client address of a request the Node server just received into CLIENT_IP_HEADER. */
export function tagClientIp(request: IncomingMessage): void {
  const hops = globalForIp.__storefrontClientIpHops ?? 0;
  request.headers[CLIENT_IP_HEADER] = resolveClientIp(request.socket?.remoteAddress, request.headers['x-forwarded-for'], hops);
}

/**
 * The client address of the current request. Without the boot hook (unit tests, scripts) there is no trustworthy
 * source, so the answer is "unknown" rather than a header the client could have written.
 */
export function clientIp(headers: Headers): string {
  if (globalForIp.__storefrontClientIpHops === undefined) return 'unknown';
  return headers.get(CLIENT_IP_HEADER) || 'unknown';
}

/** The rate-limit subject for an address: IPv6 clients are keyed by their /64, which one subscriber usually owns. */
export function ipSubject(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.padStart(4, '0')).join(':')}::/64`;
}
