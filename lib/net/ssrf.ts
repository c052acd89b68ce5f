import 'server-only';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { promisify } from 'node:util';
import ipaddr from 'ipaddr.js';
import { env } from '@/lib/env';

// Addresses the server fetches on someone else's say-so (webhook endpoints chosen by admins, product images by URL
// from an API key) must not reach what only the server can: loopback, private networks, link-local (cloud metadata
// at 169.254.169.254), CGNAT, unique-local IPv6 (AWS's fd00:ec2::254), multicast and reserved ranges. Only
// "unicast" in ipaddr.js's classification passes. Callers check a URL's host before they connect and dial through
// guardedLookup, which checks the address actually dialled, so a DNS answer that changes in between (DNS rebinding)
// is caught. OUTBOUND_ALLOW_PRIVATE_URLS (or its older name WEBHOOK_ALLOW_PRIVATE_URLS) lifts the check for
// development; OUTBOUND_ALLOWED_NETWORKS lets chosen private networks through (an image server inside the VPC).

const lookupAll = promisify(dnsLookup);

/** True when any private, loopback or reserved address may be reached (development and tests only). */
export function privateDestinationsAllowed(): boolean {
  return env.OUTBOUND_ALLOW_PRIVATE_URLS || env.WEBHOOK_ALLOW_PRIVATE_URLS;
}

function inAllowedNetwork(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return env.OUTBOUND_ALLOWED_NETWORKS.some((cidr) => {
    const [network, bits] = ipaddr.parseCIDR(cidr);
    return network.kind() === address.kind() && address.match(network, bits);
  });
}

/** A public unicast address (whatever the allowances say). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() reads an IPv4-mapped IPv6 address (::ffff:127.0.0.1) as the IPv4 address it is.
  return ipaddr.process(address).range() === 'unicast';
}

/** May the server connect to this address now: public, in an allowed network, or any when private is allowed. */
export function isAllowedDestination(address: string): boolean {
  if (privateDestinationsAllowed()) return true;
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === 'unicast' || inAllowedNetwork(parsed);
}

/** The host of a URL as an address or a name (IPv6 literals lose their brackets). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

export type DestinationCheck = 'allowed' | 'unresolvable' | 'private';

/** Resolves a URL's host (unless it is an address) and judges every address it has: one private answer refuses it. */
export async function checkDestination(url: URL): Promise<DestinationCheck> {
  if (privateDestinationsAllowed()) return 'allowed';
  const host = hostOf(url);
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = (await lookupAll(host, { all: true, verbatim: true })).map((entry: LookupAddress) => entry.address);
    } catch {
      return 'unresolvable';
    }
  }
  return addresses.length > 0 && addresses.every(isAllowedDestination) ? 'allowed' : 'private';
}

/** The error guardedLookup fails a connection with; callers recognise it by this code. */
export const BLOCKED_DESTINATION_CODE = 'EADDRNOTAVAIL';

/**
 * A `lookup` for http.request that refuses non-public answers at connect time. Node skips `lookup` for IP literals,
 * so the caller checks those itself (checkDestination does).
 */
export function guardedLookup(
  hostname: string,
  options: { family?: number | string; all?: boolean },
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  dnsLookup(hostname, { all: true, verbatim: true }, (error, entries) => {
    if (error) return callback(error, '', 0);
    const usable = entries.filter((entry) => isAllowedDestination(entry.address));
    if (usable.length === 0) return callback(Object.assign(new Error(`${hostname} resolves to a private or reserved address`), { code: BLOCKED_DESTINATION_CODE }), '', 0);
    if (options.all) return callback(null, usable);
    callback(null, usable[0]!.address, usable[0]!.family);
  });
}
