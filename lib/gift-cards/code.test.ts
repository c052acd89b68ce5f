import { describe, expect, it } from 'vitest';
import { generateGiftCardCode, hashGiftCardCode, lastFourOf, normaliseGiftCardCode } from './code';

describe('gift card codes', () => {
  it('are 16 Crockford characters in four groups, different every time', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => generateGiftCardCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('uses the whole alphabet roughly evenly (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i += 1) for (const char of generateGiftCardCode().replace(/-/g, '')) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 32,000 characters over 32 symbols: 1,000 each expected; a biased generator lands far outside this band.
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(800);
      expect(count).toBeLessThan(1200);
    }
  });

  it('reads back what a person typed: case, spaces, dashes, and I/L/O mistaken for 1/0', () => {
    const code = generateGiftCardCode();
    const normal = code.replace(/-/g, '');
    expect(normaliseGiftCardCode(code)).toBe(normal);
    expect(normaliseGiftCardCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(normal);
    expect(normaliseGiftCardCode('1111-0000-2222-3333'.replace(/1/g, 'l').replace(/0/g, 'o'))).toBe('1111000022223333');
    expect(normaliseGiftCardCode('SHORT')).toBeNull();
    expect(normaliseGiftCardCode('UUUU-UUUU-UUUU-UUUU')).toBeNull();
    expect(lastFourOf(normal)).toBe(normal.slice(12));
  });

  it('hashes under a key: same code and key → same hash; another key → another hash; never the code itself', () => {
    const normal = normaliseGiftCardCode(generateGiftCardCode())!;
    const a = hashGiftCardCode(normal, 'key-one-key-one-key-one-key-one-00');
    expect(hashGiftCardCode(normal, 'key-one-key-one-key-one-key-one-00')).toBe(a);
    expect(hashGiftCardCode(normal, 'key-two-key-two-key-two-key-two-00')).not.toBe(a);
    expect(a).not.toContain(normal);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

import { planTenders } from './plan';

describe('planTenders', () => {
  it('takes each card in turn, then store credit, and leaves the rest to pay', () => {
    expect(planTenders(10_000, [{ id: 'a', balanceCents: 3000 }, { id: 'b', balanceCents: 2500 }], 1000)).toEqual({ cardCents: [3000, 2500], storeCreditCents: 1000, amountDueCents: 3500 });
  });
  it('stops once the order is covered: later cards and the credit are untouched', () => {
    expect(planTenders(4000, [{ id: 'a', balanceCents: 5000 }, { id: 'b', balanceCents: 2500 }], 900)).toEqual({ cardCents: [4000, 0], storeCreditCents: 0, amountDueCents: 0 });
  });
});
