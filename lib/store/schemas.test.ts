import { describe, expect, it } from 'vitest';
import { discountSchema } from '@/lib/discounts/schemas';
import { basisPointsToPercent, percentSchema, shippingRateSchema, shippingZoneSchema, storeSettingsSchema } from './schemas';

describe('admin settings input', () => {
  it('reads percentages as exact basis points and shows them back the same way', () => {
    expect(percentSchema.parse('20')).toBe(2000);
    expect(percentSchema.parse('8.25')).toBe(825);
    expect(percentSchema.parse('7.5')).toBe(750);
    expect(percentSchema.safeParse('8.255').success).toBe(false);
    expect(percentSchema.safeParse('101').success).toBe(false);
    for (const bp of [0, 5, 750, 825, 2000, 10_000]) expect(percentSchema.parse(basisPointsToPercent(bp))).toBe(bp);
  });

  it('normalises country lists and refuses anything that is not an assigned ISO country code', () => {
    expect(shippingZoneSchema.parse({ name: 'North America', countries: 'us, CA;us  mx' }).countries).toEqual(['US', 'CA', 'MX']);
    expect(shippingZoneSchema.safeParse({ name: 'Nowhere', countries: ' , ' }).success).toBe(false);
    const madeUp = shippingZoneSchema.safeParse({ name: 'Nowhere', countries: 'DE, ZQ, ZX' });
    expect(madeUp.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['countries', 'Not a country code: ZQ, ZX.']]);
  });

  it('checks delivery days and the support email, and reads a ticked box as true', () => {
    const rate = shippingRateSchema.safeParse({ zoneId: '00000000-0000-4000-8000-000000000001', name: 'Std', price: '1', minDeliveryDays: '5', maxDeliveryDays: '2' });
    expect(rate.error?.issues[0]?.path).toEqual(['maxDeliveryDays']);
    const settings = storeSettingsSchema.parse({ name: 'S', currency: 'eur', taxDisplay: 'inclusive', lowStockThreshold: '0', supportEmail: '', requireAdminTwoFactor: 'on' });
    expect(settings).toMatchObject({ currency: 'EUR', supportEmail: null, requireAdminTwoFactor: true, lowStockThreshold: 0 });
  });

  it('upper-cases discount codes and reads datetime-local values as UTC', () => {
    const parsed = discountSchema.parse({ code: ' spring-10 ', type: 'percentage', value: '10', startsAt: '2026-03-01T08:30' });
    expect(parsed.code).toBe('SPRING-10');
    expect(parsed.startsAt?.toISOString()).toBe('2026-03-01T08:30:00.000Z');
    expect(parsed.isActive).toBe(false);
    expect(discountSchema.safeParse({ code: 'no spaces', type: 'percentage', value: '10' }).success).toBe(false);
    expect(discountSchema.safeParse({ code: 'LIMIT', type: 'percentage', value: '10', usageLimit: '0' }).error?.issues[0]?.path).toEqual(['usageLimit']);
  });
});
