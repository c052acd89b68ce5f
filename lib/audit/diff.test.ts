import { describe, expect, it } from 'vitest';
import { describeAuditAction, describeAuditChanges, describeEntityType } from './diff';

describe('reading an audit entry', () => {
  it('shows only changed fields, with labels, money in the currency and variants named by SKU', () => {
    const before = { title: 'Tee', status: 'draft', currency: 'USD', variants: { 'TEE-M': { priceCents: 2400, compareAtPriceCents: null, active: true } } };
    const after = { title: 'Tee', status: 'active', currency: 'USD', variants: { 'TEE-M': { priceCents: 1900, compareAtPriceCents: 2400, active: true } }, stockChanges: [{ sku: 'TEE-M', from: 3, to: 10 }] };
    expect(describeAuditChanges(before, after, 'EUR')).toEqual([
      { label: 'Status', from: 'draft', to: 'active' },
      { label: 'Price (TEE-M)', from: '$24.00', to: '$19.00' },
      { label: 'Compare-at price (TEE-M)', from: null, to: '$24.00' },
      { label: 'Stock (TEE-M)', from: '3', to: '10' },
    ]);
  });

  it('lists what a creation set and what a deletion removed, in the store currency when the entry names none', () => {
    expect(describeAuditChanges(null, { code: 'SPRING', amountCents: 500, enabled: false }, 'EUR')).toEqual([
      { label: 'Code', from: null, to: 'SPRING' },
      { label: 'Amount', from: null, to: '€5.00' },
      { label: 'Enabled', from: null, to: 'No' },
    ]);
    expect(describeAuditChanges({ name: 'Europe' }, null, 'USD')).toEqual([{ label: 'Name', from: 'Europe', to: null }]);
    expect(describeAuditChanges(null, null, 'USD')).toEqual([]);
  });

  it('names actions and entity types in words', () => {
    expect(describeAuditAction('order.mark_paid')).toBe('Order mark paid');
    expect(describeEntityType('shipping_zone')).toBe('Shipping zone');
    expect(describeEntityType('gift_card')).toBe('Gift card');
  });
});
