import { afterEach, describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { checkDestination, isAllowedDestination, isPublicAddress } from './ssrf';

const before = { outbound: env.OUTBOUND_ALLOW_PRIVATE_URLS, webhook: env.WEBHOOK_ALLOW_PRIVATE_URLS, networks: env.OUTBOUND_ALLOWED_NETWORKS };
afterEach(() => {
  env.OUTBOUND_ALLOW_PRIVATE_URLS = before.outbound;
  env.WEBHOOK_ALLOW_PRIVATE_URLS = before.webhook;
  env.OUTBOUND_ALLOWED_NETWORKS = before.networks;
});

function strict(networks: string[] = []) {
  env.OUTBOUND_ALLOW_PRIVATE_URLS = false;
  env.WEBHOOK_ALLOW_PRIVATE_URLS = false;
  env.OUTBOUND_ALLOWED_NETWORKS = networks;
}

describe('outbound address checks', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '0.0.0.0',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.254',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00:ec2::254',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not an address',
  ])('%s is not a public address', (address) => {
    strict();
    expect(isPublicAddress(address)).toBe(false);
    expect(isAllowedDestination(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111'])('%s is public', (address) => {
    strict();
    expect(isPublicAddress(address)).toBe(true);
    expect(isAllowedDestination(address)).toBe(true);
  });

  it('lets only the configured private networks through, never their neighbours', () => {
    strict(['10.0.5.0/24', '127.0.0.2/32']);
    expect(isAllowedDestination('10.0.5.9')).toBe(true);
    expect(isAllowedDestination('::ffff:10.0.5.9')).toBe(true);
    expect(isAllowedDestination('10.0.6.1')).toBe(false);
    expect(isAllowedDestination('127.0.0.2')).toBe(true);
    expect(isAllowedDestination('127.0.0.1')).toBe(false);
    expect(isAllowedDestination('169.254.169.254')).toBe(false);
  });

  it('judges every address a name resolves to, and names that do not resolve', async () => {
    strict();
    await expect(checkDestination(new URL('http://localhost/'))).resolves.toBe('private');
    await expect(checkDestination(new URL('http://[::1]:8080/'))).resolves.toBe('private');
    await expect(checkDestination(new URL('http://169.254.169.254/latest/meta-data'))).resolves.toBe('private');
    await expect(checkDestination(new URL('http://93.184.215.14/'))).resolves.toBe('allowed');
    await expect(checkDestination(new URL('http://nothing.invalid/'))).resolves.toBe('unresolvable');
  });

  it('allows everything while development allows private addresses, under either setting name', async () => {
    strict();
    env.WEBHOOK_ALLOW_PRIVATE_URLS = true;
    expect(isAllowedDestination('127.0.0.1')).toBe(true);
    env.WEBHOOK_ALLOW_PRIVATE_URLS = false;
    env.OUTBOUND_ALLOW_PRIVATE_URLS = true;
    await expect(checkDestination(new URL('http://127.0.0.1:4000/'))).resolves.toBe('allowed');
  });
});
