import { afterEach, describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { assertWebhookUrlAllowed, isPublicAddress } from './ssrf';

const allowBefore = env.WEBHOOK_ALLOW_PRIVATE_URLS;
afterEach(() => {
  env.WEBHOOK_ALLOW_PRIVATE_URLS = allowBefore;
});

describe('webhook URL checks', () => {
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
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111'])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses private literals, plain http and credentials while the development allowance is off', async () => {
    env.WEBHOOK_ALLOW_PRIVATE_URLS = false;
    await expect(assertWebhookUrlAllowed('https://127.0.0.1/hook')).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { url: [expect.stringMatching(/private/)] } });
    await expect(assertWebhookUrlAllowed('https://[fd00:ec2::254]/')).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(assertWebhookUrlAllowed('http://93.184.215.14/hook')).rejects.toMatchObject({ fieldErrors: { url: [expect.stringMatching(/https/)] } });
    await expect(assertWebhookUrlAllowed('https://user:pw@93.184.215.14/hook')).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(assertWebhookUrlAllowed('ftp://93.184.215.14/')).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(assertWebhookUrlAllowed('https://localhost/hook')).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(assertWebhookUrlAllowed('https://93.184.215.14/hook')).resolves.toBeInstanceOf(URL);
  });

  it('lets loopback and plain http through when development allows it', async () => {
    env.WEBHOOK_ALLOW_PRIVATE_URLS = true;
    await expect(assertWebhookUrlAllowed('http://127.0.0.1:4000/hook')).resolves.toBeInstanceOf(URL);
  });
});
