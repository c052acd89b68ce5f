import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db, type Executor, type Transaction } from '@/db/client';
import { shippingRates, shippingZones, storeSettings, taxRates, users } from '@/db/schema';
import { recordAudit, type AuditActor, type PersonActor } from '@/lib/audit/service';
import { AppError, invalidField } from '@/lib/errors';
import { MoneyError, parseMoney } from '@/lib/money';
import { discardReplacedStoreImage } from './media';
import type { ShippingRateInput, ShippingZoneInput, StoreBrandInput, StoreSettingsInput, TaxRateInput } from './schemas';

// Store settings, shipping zones and rates, and tax rates. Each write is one transaction with its audit row.
// Amounts arrive as decimal strings and are parsed in the store currency (lib/money), stored as minor units.

export type StoreSettingsView = StoreSettingsInput;

export type ShippingZoneView = {
  id: string;
  name: string;
  countries: string[];
  rates: {
    id: string;
    name: string;
    priceCents: number;
    currency: string;
    freeAboveCents: number | null;
    minDeliveryDays: number | null;
    maxDeliveryDays: number | null;
    isActive: boolean;
  }[];
};

export type TaxRateView = {
  id: string;
  countryCode: string;
  regionCode: string | null;
  name: string;
  rateBasisPoints: number;
  appliesToShipping: boolean;
};

export async function getStoreSettings(executor: Executor = db): Promise<StoreSettingsView | null> {
  const [row] = await executor
    .select({
      name: storeSettings.name,
      currency: storeSettings.currency,
      taxDisplay: storeSettings.taxDisplay,
      lowStockThreshold: storeSettings.lowStockThreshold,
      supportEmail: storeSettings.supportEmail,
      requireAdminTwoFactor: storeSettings.requireAdminTwoFactor,
    })
    .from(storeSettings)
    .where(eq(storeSettings.id, 1));
  return row ?? null;
}

export async function updateStoreSettings(actor: PersonActor, input: StoreSettingsInput, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const before = await getStoreSettings(tx);
    // Turning the requirement on without having two-factor yourself would shut you out of this very page.
    if (input.requireAdminTwoFactor && !before?.requireAdminTwoFactor) {
      const [me] = await tx.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, actor.user.id));
      if (!me?.enabledAt) {
        throw invalidField('requireAdminTwoFactor', 'Turn on two-factor for your own account (Your security) before requiring it of every admin.');
      }
    }
    await tx
      .insert(storeSettings)
      .values({ id: 1, ...input })
      .onConflictDoUpdate({ target: storeSettings.id, set: { ...input, updatedAt: new Date() } });
    await recordAudit(tx, actor, { action: 'settings.update', entityType: 'store_settings', entityId: '1', before, after: input });
  });
}

export async function getStoreBrand(executor: Executor = db): Promise<StoreBrandInput | null> {
  const [row] = await executor
    .select({
      logoUrl: storeSettings.logoUrl,
      accentColor: storeSettings.accentColor,
      contactPhone: storeSettings.contactPhone,
      contactAddress: storeSettings.contactAddress,
      paymentInstructions: storeSettings.paymentInstructions,
    })
    .from(storeSettings)
    .where(eq(storeSettings.id, 1));
  return row ?? null;
}

/** The brand and contact details; the store must have been set up (name, currency) first. */
export async function updateStoreBrand(actor: AuditActor, input: StoreBrandInput, executor: Executor = db): Promise<void> {
  const before = await executor.transaction(async (tx) => {
    const [before] = await tx
      .select({ logoUrl: storeSettings.logoUrl, accentColor: storeSettings.accentColor, contactPhone: storeSettings.contactPhone, contactAddress: storeSettings.contactAddress, paymentInstructions: storeSettings.paymentInstructions })
      .from(storeSettings)
      .where(eq(storeSettings.id, 1))
      .for('update');
    if (!before) throw new AppError('conflict', 'Save the store settings (name and currency) first.');
    await tx.update(storeSettings).set({ ...input, updatedAt: new Date() }).where(eq(storeSettings.id, 1));
    await recordAudit(tx, actor, { action: 'settings.brand_update', entityType: 'store_settings', entityId: '1', before, after: input });
    return before;
  });
  await discardReplacedStoreImage(before.logoUrl, input.logoUrl);
}

async function storeCurrency(tx: Executor): Promise<string> {
  const [row] = await tx.select({ currency: storeSettings.currency }).from(storeSettings).where(eq(storeSettings.id, 1));
  return row?.currency ?? 'USD';
}

function amount(field: string, value: string, currency: string): number {
  try {
    const parsed = parseMoney(value, currency).amountCents;
    if (parsed < 0) throw invalidField(field, 'The amount cannot be negative.');
    return parsed;
  } catch (error) {
    if (error instanceof MoneyError) throw invalidField(field, `Enter an amount like 4.95 (${currency}).`);
    throw error;
  }
}

export async function listShippingZones(executor: Executor = db): Promise<ShippingZoneView[]> {
  const zones = await executor
    .select({ id: shippingZones.id, name: shippingZones.name, countries: shippingZones.countries })
    .from(shippingZones)
    .orderBy(asc(shippingZones.position), asc(shippingZones.name));
  const rates = await executor
    .select({
      id: shippingRates.id,
      zoneId: shippingRates.zoneId,
      name: shippingRates.name,
      priceCents: shippingRates.priceCents,
      currency: shippingRates.currency,
      freeAboveCents: shippingRates.freeAboveCents,
      minDeliveryDays: shippingRates.minDeliveryDays,
      maxDeliveryDays: shippingRates.maxDeliveryDays,
      isActive: shippingRates.isActive,
    })
    .from(shippingRates)
    .orderBy(asc(shippingRates.position), asc(shippingRates.priceCents));
  return zones.map((zone) => ({ ...zone, rates: rates.filter((rate) => rate.zoneId === zone.id).map(({ zoneId: _zoneId, ...rate }) => rate) }));
}

async function lockRow<T>(promise: Promise<T[]>, what: string): Promise<T> {
  const [row] = await promise;
  if (!row) throw new AppError('not_found', `No such ${what}.`);
  return row;
}

export async function saveShippingZone(actor: AuditActor, input: ShippingZoneInput, executor: Executor = db): Promise<string> {
  return executor.transaction(async (tx) => {
    const values = { name: input.name, countries: input.countries };
    if (!input.id) {
      const [created] = await tx.insert(shippingZones).values(values).returning({ id: shippingZones.id });
      await recordAudit(tx, actor, { action: 'shipping_zone.create', entityType: 'shipping_zone', entityId: created!.id, after: values });
      return created!.id;
    }
    const before = await lockRow(
      tx.select({ name: shippingZones.name, countries: shippingZones.countries }).from(shippingZones).where(eq(shippingZones.id, input.id)).for('update'),
      'shipping zone',
    );
    await tx.update(shippingZones).set({ ...values, updatedAt: new Date() }).where(eq(shippingZones.id, input.id));
    await recordAudit(tx, actor, { action: 'shipping_zone.update', entityType: 'shipping_zone', entityId: input.id, before, after: values });
    return input.id;
  });
}

export async function deleteShippingZone(actor: AuditActor, id: string, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(shippingZones)
      .where(eq(shippingZones.id, id))
      .returning({ name: shippingZones.name, countries: shippingZones.countries });
    if (!deleted) throw new AppError('not_found', 'No such shipping zone.');
    await recordAudit(tx, actor, { action: 'shipping_zone.delete', entityType: 'shipping_zone', entityId: id, before: deleted });
  });
}

async function rateValues(tx: Transaction, input: ShippingRateInput) {
  const currency = await storeCurrency(tx);
  return {
    zoneId: input.zoneId,
    name: input.name,
    priceCents: amount('price', input.price, currency),
    currency,
    freeAboveCents: input.freeAbove ? amount('freeAbove', input.freeAbove, currency) : null,
    minDeliveryDays: input.minDeliveryDays,
    maxDeliveryDays: input.maxDeliveryDays,
    isActive: input.isActive,
  };
}

export async function saveShippingRate(actor: AuditActor, input: ShippingRateInput, executor: Executor = db): Promise<string> {
  return executor.transaction(async (tx) => {
    const values = await rateValues(tx, input);
    await lockRow(tx.select({ id: shippingZones.id }).from(shippingZones).where(eq(shippingZones.id, input.zoneId)), 'shipping zone');
    if (!input.id) {
      const [created] = await tx.insert(shippingRates).values(values).returning({ id: shippingRates.id });
      await recordAudit(tx, actor, { action: 'shipping_rate.create', entityType: 'shipping_rate', entityId: created!.id, after: values });
      return created!.id;
    }
    const { id: _id, createdAt: _c, updatedAt: _u, position: _p, ...before } = await lockRow(
      tx.select().from(shippingRates).where(eq(shippingRates.id, input.id)).for('update'),
      'shipping rate',
    );
    await tx.update(shippingRates).set({ ...values, updatedAt: new Date() }).where(eq(shippingRates.id, input.id));
    await recordAudit(tx, actor, { action: 'shipping_rate.update', entityType: 'shipping_rate', entityId: input.id, before, after: values });
    return input.id;
  });
}

export async function deleteShippingRate(actor: AuditActor, id: string, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(shippingRates)
      .where(eq(shippingRates.id, id))
      .returning({ name: shippingRates.name, zoneId: shippingRates.zoneId, priceCents: shippingRates.priceCents, currency: shippingRates.currency });
    if (!deleted) throw new AppError('not_found', 'No such shipping rate.');
    await recordAudit(tx, actor, { action: 'shipping_rate.delete', entityType: 'shipping_rate', entityId: id, before: deleted });
  });
}

export async function listTaxRates(executor: Executor = db): Promise<TaxRateView[]> {
  return executor
    .select({
      id: taxRates.id,
      countryCode: taxRates.countryCode,
      regionCode: taxRates.regionCode,
      name: taxRates.name,
      rateBasisPoints: taxRates.rateBasisPoints,
      appliesToShipping: taxRates.appliesToShipping,
    })
    .from(taxRates)
    .orderBy(asc(taxRates.countryCode), asc(taxRates.regionCode));
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === '23505';
}

export async function saveTaxRate(actor: AuditActor, input: TaxRateInput, executor: Executor = db): Promise<string> {
  const values = {
    countryCode: input.countryCode,
    regionCode: input.regionCode,
    name: input.name,
    rateBasisPoints: input.rate,
    appliesToShipping: input.appliesToShipping,
  };
  try {
    return await executor.transaction(async (tx) => {
      if (!input.id) {
        const [created] = await tx.insert(taxRates).values(values).returning({ id: taxRates.id });
        await recordAudit(tx, actor, { action: 'tax_rate.create', entityType: 'tax_rate', entityId: created!.id, after: values });
        return created!.id;
      }
      const before = await lockRow(
        tx
          .select({
            countryCode: taxRates.countryCode,
            regionCode: taxRates.regionCode,
            name: taxRates.name,
            rateBasisPoints: taxRates.rateBasisPoints,
            appliesToShipping: taxRates.appliesToShipping,
          })
          .from(taxRates)
          .where(eq(taxRates.id, input.id))
          .for('update'),
        'tax rate',
      );
      await tx.update(taxRates).set({ ...values, updatedAt: new Date() }).where(eq(taxRates.id, input.id));
      await recordAudit(tx, actor, { action: 'tax_rate.update', entityType: 'tax_rate', entityId: input.id, before, after: values });
      return input.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidField('regionCode', 'There is already a rate for this country and region.');
    throw error;
  }
}

export async function deleteTaxRate(actor: AuditActor, id: string, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(taxRates)
      .where(eq(taxRates.id, id))
      .returning({ countryCode: taxRates.countryCode, regionCode: taxRates.regionCode, name: taxRates.name, rateBasisPoints: taxRates.rateBasisPoints });
    if (!deleted) throw new AppError('not_found', 'No such tax rate.');
    await recordAudit(tx, actor, { action: 'tax_rate.delete', entityType: 'tax_rate', entityId: id, before: deleted });
  });
}
