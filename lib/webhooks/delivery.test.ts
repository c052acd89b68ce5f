import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, webhookRetryDelayMs } from './delivery';

describe('webhook delivery', () => {
  it('signs Standard Webhooks style: v1,base64(HMAC-SHA256(secret, id.timestamp.body))', () => {
    const key = Buffer.from('0123456789abcdef0123456789abcdef');
    const secret = `whsec_${key.toString('base64')}`;
    const at = new Date('2026-12-07T10:00:00Z');
    const body = '{"type":"order.paid"}';
    const headers = signWebhook(secret, 'evt_1', at, body);
    expect(headers['webhook-id']).toBe('evt_1');
    expect(headers['webhook-timestamp']).toBe(String(at.getTime() / 1000));
    const expected = createHmac('sha256', key).update(`evt_1.${at.getTime() / 1000}.${body}`).digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
  });

  it('backs off from 30 s to every 4 h, so retries span the 24 hours in about a dozen attempts', () => {
    expect(webhookRetryDelayMs(1)).toBe(30_000);
    expect(webhookRetryDelayMs(2)).toBe(120_000);
    expect(webhookRetryDelayMs(7)).toBe(4 * 3_600_000);
    expect(webhookRetryDelayMs(30)).toBe(4 * 3_600_000);
    let elapsed = 0;
    let attempts = 1;
    while (elapsed + webhookRetryDelayMs(attempts) <= 24 * 3_600_000) elapsed += webhookRetryDelayMs(attempts++);
    expect(attempts).toBeGreaterThanOrEqual(10);
    expect(attempts).toBeLessThanOrEqual(14);
  });
});
