import 'server-only';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { BLOCKED_DESTINATION_CODE, checkDestination, guardedLookup } from './ssrf';

// Fetching a file from an address someone else gave the server (a product image by URL). Every hop — the first
// request and each redirect, at most `maxRedirects` — is checked against private destinations before it connects
// and dialled through the guarded lookup; the whole fetch, redirects included, has one deadline; and the body is
// read only up to `maxBytes` (a larger declared length is refused before reading, a longer stream is cut off).

export type RemoteFetchFailure =
  /** Not an http(s) URL, or one with credentials in it. */
  | 'invalid_url'
  /** The host (or a redirect's) is a private, loopback, link-local or reserved address. */
  | 'blocked'
  /** The body is longer than maxBytes. */
  | 'too_large'
  /** No connection, no DNS answer, a non-2xx answer, too many redirects, or no answer before the deadline. */
  | 'failed';

export class RemoteFetchError extends Error {
  readonly reason: RemoteFetchFailure;

  constructor(reason: RemoteFetchFailure, message: string) {
    super(message);
    this.name = 'RemoteFetchError';
    this.reason = reason;
  }
}

export type RemoteBody = { body: Buffer; contentType: string | null; url: URL };

export type RemoteFetchOptions = { maxBytes: number; timeoutMs?: number; maxRedirects?: number; accept?: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function parseUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new RemoteFetchError('invalid_url', 'Enter a full address starting with https:// or http://.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RemoteFetchError('invalid_url', 'The address must start with https:// or http://.');
  if (url.username || url.password) throw new RemoteFetchError('invalid_url', 'Put no user name or password in the address.');
  return url;
}

function send(url: URL, accept: string, signal: AbortSignal): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, {
      method: 'GET',
      headers: { accept, 'accept-encoding': 'identity', 'user-agent': 'Storefront-Fetch/1' },
      lookup: guardedLookup as never,
      // A fresh connection per hop: each one is dialled through the guarded lookup.
      agent: false,
      signal,
    });
    request.on('response', resolve);
    request.on('error', reject);
    request.end();
  });
}

async function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      response.destroy();
      throw new RemoteFetchError('too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function fetchRemoteBody(raw: string, options: RemoteFetchOptions): Promise<RemoteBody> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRedirects = options.maxRedirects ?? 3;
  const signal = AbortSignal.timeout(timeoutMs);
  let url = parseUrl(raw);
  try {
    for (let redirects = 0; ; redirects += 1) {
      const check = await checkDestination(url);
      if (check === 'unresolvable') throw new RemoteFetchError('failed', `${url.hostname} does not resolve.`);
      if (check === 'private') throw new RemoteFetchError('blocked', `${redirects > 0 ? 'A redirect points' : 'The address points'} to a private, loopback or reserved network.`);
      const response = await send(url, options.accept ?? '*/*', signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) {
        response.destroy();
        if (redirects >= maxRedirects) throw new RemoteFetchError('failed', `More than ${maxRedirects} redirects.`);
        url = parseUrl(location, url);
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw new RemoteFetchError('failed', `The server answered ${status}.`);
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        response.destroy();
        throw new RemoteFetchError('too_large', `The file is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB.`);
      }
      const body = await readCapped(response, options.maxBytes);
      return { body, contentType: response.headers['content-type'] ?? null, url };
    }
  } catch (error) {
    if (error instanceof RemoteFetchError) throw error;
    if (signal.aborted) throw new RemoteFetchError('failed', `No complete answer within ${timeoutMs / 1000} s.`);
    if ((error as NodeJS.ErrnoException).code === BLOCKED_DESTINATION_CODE) throw new RemoteFetchError('blocked', 'The address points to a private, loopback or reserved network.');
    // The error's code only (ECONNREFUSED, ENOTFOUND, …): its message may name addresses the caller need not see.
    throw new RemoteFetchError('failed', `The address could not be fetched (${(error as NodeJS.ErrnoException).code ?? 'network error'}).`);
  }
}
