import { describe, expect, it } from 'vitest';
import { isOnSale, isPurchasable } from './purchasable';

describe('what a shopper can buy', () => {
  const onSale = { isActive: true, productStatus: 'active', currency: 'USD' };

  it.each([
    ['an active variant of a published product, in the cart currency', onSale, 'USD', true],
    ['a deactivated variant', { ...onSale, isActive: false }, 'USD', false],
    ['a draft product', { ...onSale, productStatus: 'draft' }, 'USD', false],
    ['an archived product', { ...onSale, productStatus: 'archived' }, 'USD', false],
    ['a price in another currency than the cart', onSale, 'EUR', false],
  ])('%s → %s', (_what, variant, currency, expected) => {
    expect(isPurchasable(variant, currency)).toBe(expected);
  });

  it('on sale ignores the currency (a cart may not exist yet)', () => {
    expect(isOnSale({ isActive: true, productStatus: 'active' })).toBe(true);
    expect(isOnSale({ isActive: true, productStatus: 'draft' })).toBe(false);
  });
});
