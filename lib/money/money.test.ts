import { describe, expect, it } from 'vitest';
import {
  addMoney,
  allocate,
  applyRatio,
  formatMoney,
  minorUnitDigits,
  money,
  MoneyError,
  multiplyMoney,
  parseMoney,
  subtractMoney,
  sumMoney,
  toDecimalString,
} from './index';

describe('parseMoney', () => {
  it.each([
    ['12', 'EUR', 1200],
    ['12.5', 'EUR', 1250],
    ['12.05', 'usd', 1205],
    ['1,234.50', 'USD', 123450],
    [' -3.10 ', 'EUR', -310],
    ['0.01', 'EUR', 1],
    ['1500', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
  ])('reads %s %s as %i minor units', (input, currency, expected) => {
    expect(parseMoney(input, currency)).toEqual({ amountCents: expected, currency: currency.toUpperCase() });
  });

  it('never rounds a fraction the currency cannot hold', () => {
    expect(() => parseMoney('0.001', 'EUR')).toThrow(MoneyError);
    expect(() => parseMoney('10.5', 'JPY')).toThrow(/decimal place/);
  });

  it.each(['', 'abc', '1.2.3', '1e5', 'NaN', '--1', '12.'.repeat(2)])('refuses %j', (input) => {
    expect(() => parseMoney(input, 'EUR')).toThrow(MoneyError);
  });

  it('refuses amounts beyond safe integers and unknown currency codes', () => {
    expect(() => parseMoney('999999999999999999', 'EUR')).toThrow(/too large/);
    expect(() => parseMoney('1', 'EURO')).toThrow(/ISO 4217/);
  });
});

describe('formatting', () => {
  it('formats with the currency symbol and its own minor digits', () => {
    expect(formatMoney(money(123450, 'USD'))).toBe('$1,234.50');
    expect(formatMoney(money(1500, 'JPY'))).toBe('¥1,500');
    expect(formatMoney(money(-310, 'EUR'), 'de-DE')).toBe('-3,10\u00a0€');
    expect(formatMoney(money(5, 'GBP'), 'en-GB')).toBe('£0.05');
  });

  it('keeps exactness for amounts where float division would drift', () => {
    expect(formatMoney(money(900719925474099, 'USD'))).toBe('$9,007,199,254,740.99');
    expect(toDecimalString(money(1005, 'EUR'))).toBe('10.05');
    expect(toDecimalString(money(-7, 'EUR'))).toBe('-0.07');
  });

  it('knows minor unit digits per currency', () => {
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('BHD')).toBe(3);
  });
});

describe('arithmetic', () => {
  it('adds, subtracts and multiplies in minor units', () => {
    expect(addMoney(money(10, 'EUR'), money(20, 'EUR')).amountCents).toBe(30);
    expect(subtractMoney(money(10, 'EUR'), money(25, 'EUR')).amountCents).toBe(-15);
    expect(multiplyMoney(money(1999, 'EUR'), 3).amountCents).toBe(5997);
    expect(sumMoney([money(1, 'EUR'), money(2, 'EUR')], 'EUR').amountCents).toBe(3);
  });

  it('refuses to mix currencies or use fractional amounts', () => {
    expect(() => addMoney(money(1, 'EUR'), money(1, 'USD'))).toThrow(/Cannot combine/);
    expect(() => money(1.5, 'EUR')).toThrow(MoneyError);
    expect(() => multiplyMoney(money(100, 'EUR'), 0.5)).toThrow(MoneyError);
  });

  it('applies ratios with half-away-from-zero rounding', () => {
    expect(applyRatio(1999, 2000, 10000)).toBe(400); // 20 % of 19.99 = 3.998
    expect(applyRatio(250, 1, 100)).toBe(3); // 2.5 → 3
    expect(applyRatio(-250, 1, 100)).toBe(-3);
    expect(applyRatio(249, 1, 100)).toBe(2);
    expect(() => applyRatio(100, 1, 0)).toThrow(MoneyError);
  });

  it('allocates so that parts always sum to the whole', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1000, [2999, 1999, 5])).toEqual([599, 400, 1]);
    expect(allocate(-100, [1, 1, 1]).reduce((a, b) => a + b, 0)).toBe(-100);
    expect(allocate(7, [0, 0])).toEqual([7, 0]);
    expect(allocate(5, [])).toEqual([]);
    for (const amount of [1, 99, 12345, 999999]) {
      const parts = allocate(amount, [3, 7, 11, 13]);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
    }
  });
});
