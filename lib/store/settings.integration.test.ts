import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { auditLog, discountCodes, shippingRates, storeSettings, taxRates } from '@/db/schema';
import { discountSchema } from '@/lib/discounts/schemas';
import { deleteDiscount, saveDiscount } from '@/lib/discounts/service';
import { actorFor, auditRowsFor, createPerson } from '@/lib/admin/testing/people';
import { listShippingOptions } from '@/lib/checkout/service';
import { shippingRateSchema, shippingZoneSchema, storeSettingsSchema, taxRateSchema } from './schemas';
import { getStoreSettings, saveShippingRate, saveShippingZone, saveTaxRate, updateStoreSettings } from './service';

afterAll(() => closeConnection());

const auditCount = () => db.$count(auditLog);

describe('store settings', () => {
  it('validates with field messages before anything is written', () => {
    const bad = storeSettingsSchema.safeParse({ name: ' ', currency: 'EURO', taxDisplay: 'sometimes', lowStockThreshold: '-1', supportEmail: 'nope' });
    expect(bad.success).toBe(false);
    const fields = new Set(bad.error!.issues.map((issue) => issue.path[0]));
    expect(fields).toEqual(new Set(['name', 'currency', 'taxDisplay', 'lowStockThreshold', 'supportEmail']));
    expect(shippingZoneSchema.safeParse({ name: 'EU', countries: 'DE, France' }).success).toBe(false);
    expect(taxRateSchema.safeParse({ countryCode: 'DE', name: 'VAT', rate: '100.5' }).success).toBe(false);
    expect(taxRateSchema.parse({ countryCode: 'de', name: 'VAT', rate: '8.25', appliesToShipping: 'on' })).toMatchObject({ countryCode: 'DE', rate: 825, appliesToShipping: true, regionCode: null });
  });

  it('saves the settings with one audit row holding before and after', async () => {
    const admin = await createPerson('admin');
    const original = await getStoreSettings();
    const input = storeSettingsSchema.parse({ name: 'Renamed store', currency: 'usd', taxDisplay: 'inclusive', lowStockThreshold: '7', supportEmail: 'Help@Shop.test' });
    const before = await auditCount();
    await updateStoreSettings(actorFor(admin), input);
    try {
      expect(await getStoreSettings()).toMatchObject({ name: 'Renamed store', currency: 'USD', taxDisplay: 'inclusive', lowStockThreshold: 7, supportEmail: 'help@shop.test', requireAdminTwoFactor: false });
      expect(await auditCount()).toBe(before + 1);
      const row = (await auditRowsFor('1', 'settings.update')).find((entry) => entry.actorId === admin.id);
      expect(row).toMatchObject({ actorId: admin.id, before: { name: original!.name }, after: { name: 'Renamed store', lowStockThreshold: 7 } });
    } finally {
      await db.update(storeSettings).set(original!).where(eq(storeSettings.id, 1));
    }
  });

  it('refuses to require two-factor of admins when the admin saving it has none, and writes nothing', async () => {
    const admin = await createPerson('admin');
    const before = await auditCount();
    const input = storeSettingsSchema.parse({ name: 'Store', currency: 'USD', taxDisplay: 'exclusive', lowStockThreshold: '5', requireAdminTwoFactor: 'on' });
    await expect(updateStoreSettings(actorFor(admin), input)).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { requireAdminTwoFactor: [expect.any(String)] } });
    expect((await getStoreSettings())!.requireAdminTwoFactor).toBe(false);
    expect(await auditCount()).toBe(before);
  });

  it('stores shipping money as minor units parsed from decimal strings, and checkout offers the rate', async () => {
    const admin = await createPerson('admin');
    const zoneId = await saveShippingZone(actorFor(admin), shippingZoneSchema.parse({ name: 'Test zone', countries: 'aq, BV' }));
    const rateId = await saveShippingRate(
      actorFor(admin),
      shippingRateSchema.parse({ zoneId, name: 'Courier', price: '4.95', freeAbove: '1,000', minDeliveryDays: '1', maxDeliveryDays: '3', isActive: 'on' }),
    );
    const [rate] = await db.select().from(shippingRates).where(eq(shippingRates.id, rateId));
    expect(rate).toMatchObject({ priceCents: 495, freeAboveCents: 100_000, currency: 'USD', minDeliveryDays: 1, maxDeliveryDays: 3, isActive: true });
    expect((await listShippingOptions('AQ', 'USD')).map((option) => option.id)).toContain(rateId);
    expect(await auditRowsFor(rateId)).toEqual([expect.objectContaining({ action: 'shipping_rate.create', after: expect.objectContaining({ priceCents: 495 }) })]);

    // Three decimals for USD is an error on the field, not rounding; nothing changes and nothing is audited.
    const before = await auditCount();
    await expect(
      saveShippingRate(actorFor(admin), shippingRateSchema.parse({ id: rateId, zoneId, name: 'Courier', price: '4.955', isActive: 'on' })),
    ).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { price: [expect.stringContaining('4.95')] } });
    expect((await db.select({ p: shippingRates.priceCents }).from(shippingRates).where(eq(shippingRates.id, rateId)))[0]!.p).toBe(495);
    expect(await auditCount()).toBe(before);
  });

  it('refuses a second tax rate for the same country and region without an audit row', async () => {
    const admin = await createPerson('admin');
    const input = taxRateSchema.parse({ countryCode: 'ZX', regionCode: 'north', name: 'Test tax', rate: '12.5', appliesToShipping: 'on' });
    const id = await saveTaxRate(actorFor(admin), input);
    expect((await db.select().from(taxRates).where(eq(taxRates.id, id)))[0]).toMatchObject({ regionCode: 'NORTH', rateBasisPoints: 1250 });
    const before = await auditCount();
    await expect(saveTaxRate(actorFor(admin), input)).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { regionCode: [expect.any(String)] } });
    expect(await auditCount()).toBe(before);
  });
});

describe('discount codes', () => {
  it('upper-cases codes, keeps them unique, stores amounts in minor units, and audits each write', async () => {
    const admin = await createPerson('admin');
    const code = `it${Date.now().toString(36)}`;
    const id = await saveDiscount(
      actorFor(admin),
      discountSchema.parse({ code, type: 'fixed_amount', value: '5.50', minSubtotal: '20', usageLimit: '3', startsAt: '2026-01-01T00:00', isActive: 'on' }),
    );
    const [row] = await db.select().from(discountCodes).where(eq(discountCodes.id, id));
    expect(row).toMatchObject({ code: code.toUpperCase(), value: 550, minSubtotalCents: 2000, usageLimit: 3, isActive: true });
    expect(row!.startsAt?.toISOString()).toBe('2026-01-01T00:00:00.000Z');

    const before = await auditCount();
    await expect(saveDiscount(actorFor(admin), discountSchema.parse({ code: code.toUpperCase(), type: 'free_shipping' }))).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: { code: [expect.any(String)] },
    });
    await expect(saveDiscount(actorFor(admin), discountSchema.parse({ code: `${code}x`, type: 'percentage', value: '150' }))).rejects.toMatchObject({
      fieldErrors: { value: [expect.any(String)] },
    });
    expect(await auditCount()).toBe(before);
    expect(discountSchema.safeParse({ code: 'ok-code', type: 'percentage', value: '10', startsAt: '2026-02-01T00:00', endsAt: '2026-01-01T00:00' }).success).toBe(false);

    await deleteDiscount(actorFor(admin), id);
    expect(await db.$count(discountCodes, eq(discountCodes.id, id))).toBe(0);
    expect((await auditRowsFor(id)).map((r) => r.action).sort()).toEqual(['discount.create', 'discount.delete']);
  });
});
