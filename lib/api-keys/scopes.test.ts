import { describe, expect, it } from 'vitest';
import { createApiKeySchema } from './schemas';
import { hasScope } from './scopes';

describe('API key scopes', () => {
  it('write includes read; read never includes write; areas are separate', () => {
    expect(hasScope(['orders:write'], 'orders:read')).toBe(true);
    expect(hasScope(['orders:read'], 'orders:write')).toBe(false);
    expect(hasScope(['orders:write'], 'products:read')).toBe(false);
    expect(hasScope([], 'products:read')).toBe(false);
  });

  it('the panel form turns per-area choices into scopes and needs at least one', () => {
    expect(createApiKeySchema.parse({ name: ' ERP ', access_products: 'write', access_orders: 'read', access_webhooks: 'bogus', expiresInDays: '90' })).toEqual({
      name: 'ERP',
      expiresInDays: 90,
      scopes: ['products:write', 'orders:read'],
    });
    const none = createApiKeySchema.safeParse({ name: 'Nothing', access_products: 'none' });
    expect(none.success).toBe(false);
  });
});
