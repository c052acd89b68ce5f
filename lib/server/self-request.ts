import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import { onResponseClose } from './response-close';

// Requests this process makes to itself, and the request each one is made for.
//
// Some work of a request is done by a second HTTP request to this same server: Next forwards a server action posted
// to a page that does not own it to the owning page (`x-action-forwarded`), and the page cache renders a page through
// a loopback request (lib/server/front-door.ts). At the front door such an inner request looks like any other, so
// admission control used to queue it behind its own parent — which holds a slot until the inner request is answered:
// with every slot held by parents, nothing moves until the queue's deadline (SECURITY.md, finding 1).
//
// So every request the front door lets in runs as a *visit* in an AsyncLocalStorage context, and every HTTP request
// this process makes to its own port from inside that context carries SELF_HEADER = `<process secret> <visit id>`:
// it is added through undici's documented `undici:request:create` diagnostics channel (`request.addHeader`), which
// sees every fetch() — Next's action forwarding and the page cache's renders included. The door checks the secret
// (random per process, never sent anywhere but this process's own port) and finds the parent visit: the inner
// request then runs under its parent's slot. A header from outside cannot be verified and is dropped, as are the
// internal headers it might come with (`x-action-forwarded`); a client gains nothing by sending them.
//
// Limitation: requests made with node:http's client are not tagged (its diagnostics channel fires after the headers
// are sent). Nothing here makes self-requests that way; one would be admitted like any other request.

export const SELF_HEADER = 'x-storefront-self';

export type Visit = {
  readonly id: string;
  readonly parent: Visit | null;
  readonly response: ServerResponse;
  /** The client address the request was made for (a self-request inherits its parent's). */
  readonly clientIp: string | undefined;
  /** Whether this request holds an admission slot of its own right now. */
  slot: boolean;
  /** Set by the server-action wrapper (lib/http/action.ts): the app's own code started on this request. */
  reachedApp: boolean;
  /** The status a forwarded server action was answered with (Next does not pass it on to the parent). */
  forwardedStatus: number | null;
};

/** How the door let a self-request in: under its parent's slot, or through admission (its parent held none). */
export type SelfRequestAdmission = 'parent_slot' | 'admitted';

type Shared = {
  secret: Buffer;
  storage: AsyncLocalStorage<Visit>;
  live: Map<string, Visit>;
  nextId: number;
  tagging: { port: number } | null;
  counts: Record<SelfRequestAdmission, number>;
};

// The front door (instrumentation bundle) and the action wrapper (app bundles) are evaluated separately; they share
// one store on globalThis under a registered symbol.
const SHARED = Symbol.for('storefront.self-requests');
type WithShared = typeof globalThis & { [SHARED]?: Shared };

function shared(): Shared {
  const holder = globalThis as WithShared;
  holder[SHARED] ??= { secret: randomBytes(32), storage: new AsyncLocalStorage<Visit>(), live: new Map(), nextId: 0, tagging: null, counts: { parent_slot: 0, admitted: 0 } };
  return holder[SHARED];
}

/** Whether a visit holds a slot: its own, or its parent's (a self-request runs under the request it was made for). */
export function holdsSlot(visit: Visit | null): boolean {
  for (let current = visit; current; current = current.parent) if (current.slot) return true;
  return false;
}

/** Starts a visit for a request the front door handles; it ends when the response closes. */
export function openVisit(response: ServerResponse, options: { parent: Visit | null; clientIp: string | undefined }): Visit {
  const state = shared();
  const visit: Visit = { id: String(++state.nextId), parent: options.parent, response, clientIp: options.clientIp, slot: false, reachedApp: false, forwardedStatus: null };
  state.live.set(visit.id, visit);
  onResponseClose(response, () => state.live.delete(visit.id));
  return visit;
}

/** Runs `work` as part of `visit`: the self-requests it makes are tagged with it. */
export function inVisit<T>(visit: Visit, work: () => T): T {
  return shared().storage.run(visit, work);
}

/** The visit the current code runs for, if the front door let it in. */
export function currentVisit(): Visit | undefined {
  return shared().storage.getStore();
}

/** Called by the server-action wrapper: what follows is the app's own doing, not a request Next could not decode. */
export function markReachedApp(): void {
  const visit = currentVisit();
  if (visit) visit.reachedApp = true;
}

/**
 * The live visit a request was made for, when it is this process's own request; null otherwise. Removes SELF_HEADER
 * from the request either way, so neither Next nor a forwarded copy of the request ever sees the secret.
 */
export function claimParent(request: IncomingMessage): Visit | null {
  const raw = request.headers[SELF_HEADER];
  if (raw === undefined) return null;
  delete request.headers[SELF_HEADER];
  const state = shared();
  // A client's own value may come first (Next copies request headers into the forwarded request): check each.
  for (const value of (Array.isArray(raw) ? raw.join(',') : raw).split(',')) {
    const [secret, id] = value.trim().split(' ');
    if (!secret || !id) continue;
    const given = Buffer.from(secret, 'base64url');
    if (given.length !== state.secret.length || !timingSafeEqual(given, state.secret)) continue;
    return state.live.get(id) ?? null;
  }
  return null;
}

export function countSelfRequest(how: SelfRequestAdmission): void {
  shared().counts[how]++;
}

/** Self-requests the door has let in since start, by how (for /api/metrics). */
export function selfRequestStats(): Record<SelfRequestAdmission, number> {
  return { ...shared().counts };
}

/** The header value for a self-request made from `visit`. */
export function selfHeaderValue(visit: Visit): string {
  return `${shared().secret.toString('base64url')} ${visit.id}`;
}

let localNames: Set<string> | null = null;

/** Host names and addresses by which this process may reach itself. */
function isLocalHost(hostname: string): boolean {
  if (!localNames) {
    localNames = new Set(['localhost', '127.0.0.1', '::1', '0.0.0.0', '::', os.hostname().toLowerCase()]);
    for (const addresses of Object.values(os.networkInterfaces())) for (const { address } of addresses ?? []) localNames.add(address.toLowerCase());
  }
  const name = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return localNames.has(name) || name.startsWith('127.');
}

/** Whether an origin (`http://host:port`) is this server: its port on one of this machine's own names. */
export function isSelfOrigin(origin: string, port: number): boolean {
  try {
    const url = new URL(origin);
    const urlPort = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    return urlPort === port && isLocalHost(url.hostname);
  } catch {
    return false;
  }
}

type UndiciRequest = { origin?: unknown; addHeader?: (name: string, value: string) => unknown };

/** Tags this process's requests to its own port (lib/boot.ts, production only, with the front door). */
export function installSelfRequestTagging(port: number): void {
  const state = shared();
  if (state.tagging) return;
  state.tagging = { port };
  diagnosticsChannel.subscribe('undici:request:create', (message) => {
    const visit = state.storage.getStore();
    if (!visit) return;
    const { request } = message as { request: UndiciRequest };
    // Only to this server: the secret never leaves the machine (the Upstash limiter, Stripe, SMTP… get nothing).
    if (typeof request.addHeader !== 'function' || !isSelfOrigin(String(request.origin), port)) return;
    request.addHeader(SELF_HEADER, selfHeaderValue(visit));
  });
}
