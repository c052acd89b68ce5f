import 'server-only';
import { AppError } from '@/lib/errors';
import { checkDestination, privateDestinationsAllowed } from '@/lib/net/ssrf';

// Webhook endpoint URLs: https (plain http only while private destinations are allowed, for development), no
// credentials in the address (receivers verify the signature instead), and a host that resolves to public addresses
// only (lib/net/ssrf.ts). Checked when an endpoint is saved and again before each delivery connects.

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
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && privateDestinationsAllowed())) refuse('The address must start with https://.');
  if (url.username || url.password) refuse('Put no user name or password in the address; verify the signature instead.');
  const check = await checkDestination(url);
  if (check === 'unresolvable') refuse(`${url.hostname.replace(/^\[|\]$/g, '')} does not resolve.`);
  if (check === 'private') refuse('This address points to a private, loopback or reserved network.');
  return url;
}
