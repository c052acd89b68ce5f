import { describe, expect, it } from 'vitest';
import { metricsAccess } from './metrics-access';

const token = 'a-metrics-token-of-some-length';

describe('metricsAccess', () => {
  it('lets the configured bearer token in, and nothing else', () => {
    expect(metricsAccess(`Bearer ${token}`, { token, production: true })).toBe('allowed');
    expect(metricsAccess(`bearer ${token}`, { token, production: true })).toBe('allowed');
    expect(metricsAccess(`Bearer ${token}x`, { token, production: true })).toBe('unauthenticated');
    expect(metricsAccess(`Bearer ${token.slice(0, -1)}`, { token, production: true })).toBe('unauthenticated');
    expect(metricsAccess(token, { token, production: true })).toBe('unauthenticated');
    expect(metricsAccess(null, { token, production: false })).toBe('unauthenticated');
  });

  it('hides the endpoint in production when no token is configured, and opens it in development and test', () => {
    expect(metricsAccess(null, { production: true })).toBe('hidden');
    expect(metricsAccess('Bearer anything', { production: true })).toBe('hidden');
    expect(metricsAccess(null, { production: false })).toBe('allowed');
  });
});
