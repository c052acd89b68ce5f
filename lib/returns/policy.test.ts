import { describe, expect, it } from 'vitest';
import { feeInOrderCurrency, lineRefundCents, returnRefundCents, returnWindowEndsAt } from './policy';

describe('return policy arithmetic', () => {
  it('closes the window the given number of days after delivery', () => {
    expect(returnWindowEndsAt(new Date('2026-12-01T10:00:00Z'), 30).toISOString()).toBe('2026-12-31T10:00:00.000Z');
  });

  it('gives back a line in parts that never add up to more than the line paid', () => {
    const line = { totalCents: 1000, quantity: 3 };
    const parts = [lineRefundCents(line, 1, 0), lineRefundCents(line, 1, 1), lineRefundCents(line, 1, 2)];
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(lineRefundCents(line, 3)).toBe(1000);
    // Asking for more than is left gives only what is left.
    expect(lineRefundCents(line, 5, 2)).toBe(1000 - lineRefundCents(line, 2));
  });

  it('deducts the return fee, never below zero', () => {
    expect(returnRefundCents([2500, 1000], 500)).toBe(3000);
    expect(returnRefundCents([300], 500)).toBe(0);
  });

  it('converts the fee at the order rate and minor units', () => {
    expect(feeInOrderCurrency(500, 'USD', 'USD', null)).toBe(500);
    expect(feeInOrderCurrency(500, 'USD', 'EUR', '0.9')).toBe(450);
    expect(feeInOrderCurrency(500, 'USD', 'JPY', '150')).toBe(750);
  });
});
