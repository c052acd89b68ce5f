import { afterEach, describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { assertWebhookUrlAllowed } from './url-check';

const allowBefore = { outbound: env.OUTBOUND_ALLOW_PRIVATE_URLS, webhook: env.WEBHOOK_ALLOW_PRIVATE_URLS };
afterEach(() => {
  env.OUTBOUND_ALLOW_PRIVATE_URLS = allowBefore.outbound;
  env.WEBHOOK_ALLOW_PRIVATE_URLS = allowBefore.webhook;
});

describe('webhook URL checks', () => {
  it('refuses private literals, plain http and credentials while the development allowance is off', async () => {
    env.OUTBOUND_ALLOW_PRIVATE_URLS = false;
    env.WEBHOOK_ALLOW_PRIVATE_URLS = false;
    await expect(assertWebhookUrlAllowed('https://127.0.0.1/hook')).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { url: [expect.stringMatching(/private/)] } });
    await expect(assertWebhookUrlAllowed('https://[fd00:ec2::254]/')).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(assertWebhookUrlAllowed('http://93.184.215.14/hook')).rejects.toMatchObject({ fieldErrors: { url: [expect.stringMatching(/https/)] } });
    await expect(assertWebhookUrlAllowed('https://user:pw@93.184.215.14/hook')).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(assertWebhookUrlAllowed('ftp://93.184.215.14/')).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(assertWebhookUrlAllowed('https://localhost/hook')).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(assertWebhookUrlAllowed('https://93.184.215.14/hook')).resolves.toBeInstanceOf(URL);
  });

  it('lets loopback and plain http through when development allows it, under either setting name', async () => {
    env.OUTBOUND_ALLOW_PRIVATE_URLS = false;
    env.WEBHOOK_ALLOW_PRIVATE_URLS = true;
    await expect(assertWebhookUrlAllowed('http://127.0.0.1:4000/hook')).resolves.toBeInstanceOf(URL);
    env.OUTBOUND_ALLOW_PRIVATE_URLS = true;
    env.WEBHOOK_ALLOW_PRIVATE_URLS = false;
    await expect(assertWebhookUrlAllowed('http://127.0.0.1:4000/hook')).resolves.toBeInstanceOf(URL);
  });
});
