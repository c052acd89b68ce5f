import 'server-only';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { promisify } from 'node:util';
import ipaddr from 'ipaddr.js';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

// Webhook URLs are chosen by admins but fetched by the server, so they must not reach what only the server can:
// loopback, private networks, link-local (cloud metadata at 169.254.169.254), CGNAT, unique-local IPv6 (AWS's
// fd00:ec2::254), multicast and reserved ranges. Only "unicast" in ipaddr.js's classification passes. The check runs
// when an endpoint is saved and again when each delivery connects (the address actually dialled, so a DNS answer
// that changes after registration — DNS rebinding — is caught). WEBHOOK_ALLOW_PRIVATE_URLS lifts it for development.

const lookupAll = promisify(dnsLookup);

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() reads an IPv4-mapped IPv6 address (::ffff:127.0.0.1) as the IPv4 address it is.
  return ipaddr.process(address).range() === 'unicast';
}

const privateAllowed = () => env.WEBHOOK_ALLOW_PRIVATE_URLS;

function refuse(message: string): never {
  throw new AppError('validation_failed', message, { fieldErrors: { url: [message] } });
}

/** Checks the URL's form and every address its host resolves to; throws a 422 naming the url field. */
export async function assertWebhookUrlAllowed(raw: string): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    refuse('Enter a full address starting with https://.');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && privateAllowed())) refuse('The address must start with https://.');
  if (url.username || url.password) refuse('Put no user name or password in the address; verify the signature instead.');
  if (privateAllowed()) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = (await lookupAll(host, { all: true, verbatim: true })).map((entry: LookupAddress) => entry.address);
    } catch {
      refuse(`${host} does not resolve.`);
    }
  }
  if (addresses.length === 0 || !addresses.every(isPublicAddress)) refuse('This address points to a private, loopback or reserved network.');
  return url;
}

/**
 * A `lookup` for http.request that refuses non-public answers at connect time. Node skips `lookup` for IP literals,
 * so the caller checks those itself (assertWebhookUrlAllowed does).
 */
export function guardedLookup(
  hostname: string,
  options: { family?: number | string; all?: boolean },
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  dnsLookup(hostname, { all: true, verbatim: true }, (error, entries) => {
    if (error) return callback(error, '', 0);
    const usable = privateAllowed() ? entries : entries.filter((entry) => isPublicAddress(entry.address));
    if (usable.length === 0) return callback(Object.assign(new Error(`${hostname} resolves to a private or reserved address`), { code: 'EADDRNOTAVAIL' }), '', 0);
    if (options.all) return callback(null, usable);
    callback(null, usable[0]!.address, usable[0]!.family);
  });
}
