import { describe, expect, it } from 'vitest';
import { convertAmount, isIdentity, rateRatio, resolvePrice, type MarketPricing } from './pricing';

const eur = (roundingRule: MarketPricing['roundingRule'], exchangeRate = '0.92'): MarketPricing => ({ currency: 'EUR', exchangeRate, roundingRule });

describe('rateRatio', () => {
  it('reads a decimal exactly', () => {
    expect(rateRatio('0.92')).toEqual({ numerator: 92n, denominator: 100n });
    expect(rateRatio('0.9200000000')).toEqual({ numerator: 92n, denominator: 100n });
    expect(rateRatio('158')).toEqual({ numerator: 158n, denominator: 1n });
  });
  it('refuses zero, negatives and words', () => {
    expect(() => rateRatio('0')).toThrow();
    expect(() => rateRatio('-1')).toThrow();
    expect(() => rateRatio('1e3')).toThrow();
  });
});

describe('convertAmount: rounding rules', () => {
  // $49.00 × 0.92 = €45.08 exactly; $19.99 × 0.92 = €18.3908.
  it('none rounds to the nearest minor unit, half up', () => {
    expect(convertAmount(4900, 'USD', eur('none'))).toBe(4508);
    expect(convertAmount(1999, 'USD', eur('none'))).toBe(1839);
    expect(convertAmount(1, 'USD', { currency: 'EUR', exchangeRate: '0.5', roundingRule: 'none' })).toBe(1); // 0.5 → 1
  });
  it('whole rounds up to the next whole unit', () => {
    expect(convertAmount(1999, 'USD', eur('whole'))).toBe(1900);
    expect(convertAmount(4900, 'USD', eur('whole'))).toBe(4600);
    expect(convertAmount(5000, 'USD', eur('whole', '1'))).toBe(5000); // already whole: unchanged
  });
  it('.99 and .95 end the price there, at or above the exact amount', () => {
    expect(convertAmount(1999, 'USD', eur('99'))).toBe(1899);
    expect(convertAmount(4900, 'USD', eur('99'))).toBe(4599);
    expect(convertAmount(1999, 'USD', eur('95'))).toBe(1895);
    expect(convertAmount(4900, 'USD', eur('95'))).toBe(4595);
    // Exactly on the ending stays there; a cent above moves to the next one.
    expect(convertAmount(1899, 'USD', eur('99', '1'))).toBe(1899);
    expect(convertAmount(1900, 'USD', eur('99', '1'))).toBe(1999);
    // Below one unit: the first price with that ending.
    expect(convertAmount(10, 'USD', eur('99'))).toBe(99);
  });
  it('keeps free free', () => {
    for (const rule of ['none', 'whole', '99', '95'] as const) expect(convertAmount(0, 'USD', eur(rule))).toBe(0);
  });
  it('is the amount itself for the base market', () => {
    const usd: MarketPricing = { currency: 'USD', exchangeRate: '1.0000000000', roundingRule: 'none' };
    expect(convertAmount(1999, 'USD', usd)).toBe(1999);
    expect(isIdentity(usd, 'USD')).toBe(true);
    expect(isIdentity(eur('none'), 'USD')).toBe(false);
  });
});

describe('convertAmount: currencies with 0 and 3 decimals', () => {
  it('JPY has no minor unit: $19.99 at 150.5 is ¥3,008 (3008.495 rounded)', () => {
    expect(convertAmount(1999, 'USD', { currency: 'JPY', exchangeRate: '150.5', roundingRule: 'none' })).toBe(3008);
  });
  it('JPY with .99 or .95 rounds up to the whole yen (there are no cents to end in)', () => {
    expect(convertAmount(1999, 'USD', { currency: 'JPY', exchangeRate: '150.5', roundingRule: '99' })).toBe(3009);
    expect(convertAmount(1999, 'USD', { currency: 'JPY', exchangeRate: '150.5', roundingRule: 'whole' })).toBe(3009);
  });
  it('KWD has three: $19.99 at 0.307 is 6.137 KWD (6.13693), in fils', () => {
    expect(convertAmount(1999, 'USD', { currency: 'KWD', exchangeRate: '0.307', roundingRule: 'none' })).toBe(6137);
    expect(convertAmount(1999, 'USD', { currency: 'KWD', exchangeRate: '0.307', roundingRule: '99' })).toBe(6990);
    expect(convertAmount(1999, 'USD', { currency: 'KWD', exchangeRate: '0.307', roundingRule: 'whole' })).toBe(7000);
  });
  it('from a 0-decimal base: ¥1,000 at 0.0067 is $6.70', () => {
    expect(convertAmount(1000, 'JPY', { currency: 'USD', exchangeRate: '0.0067', roundingRule: 'none' })).toBe(670);
  });
});

describe('resolvePrice', () => {
  const base = { priceCents: 4900, compareAtPriceCents: 6000, currency: 'USD' };
  it('derives price and compare-at by rate and rule', () => {
    expect(resolvePrice(base, eur('99'))).toEqual({ priceCents: 4599, compareAtPriceCents: 5599, currency: 'EUR', source: 'derived' });
  });
  it('an explicit price in the market currency wins', () => {
    expect(resolvePrice(base, eur('99'), { priceCents: 3900, compareAtPriceCents: null, currency: 'EUR' })).toEqual({
      priceCents: 3900,
      compareAtPriceCents: null,
      currency: 'EUR',
      source: 'explicit',
    });
  });
  it('an explicit price in another currency (the market changed currency) is ignored', () => {
    expect(resolvePrice(base, eur('99'), { priceCents: 3900, compareAtPriceCents: null, currency: 'GBP' }).source).toBe('derived');
  });
  it('drops a compare-at that rounding brought down to the price', () => {
    expect(resolvePrice({ priceCents: 1990, compareAtPriceCents: 1995, currency: 'USD' }, eur('whole', '1')).compareAtPriceCents).toBeNull();
  });
});
