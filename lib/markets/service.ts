import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { db, type Executor, type Transaction } from '@/db/client';
import { markets, variantMarketPrices, variants } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/service';
import { AppError, invalidField } from '@/lib/errors';
import { MoneyError, parseMoney } from '@/lib/money';
import type { MarketInput, MarketPriceInput } from './schemas';
import { marketColumns } from './queries';

// Writes of the markets domain: markets themselves and explicit prices in them. Every write is audited in its
// transaction; the caller (lib/admin/markets/actions.ts) drops the caches it touched.

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const countryName = (code: string) => regionNames.of(code) ?? code;

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === '23505';
}

const { position: _position, ...snapshot } = marketColumns;

/** A country belongs to one market: refuses those another market already lists (checked under a table lock). */
async function assertCountriesFree(tx: Transaction, countries: string[], exceptId: string | null): Promise<void> {
  if (countries.length === 0) return;
  // Two staff saving overlapping markets at once must not both pass the check.
  await tx.execute(sql`lock table ${markets} in share row exclusive mode`);
  const clashes = await tx
    .select({ name: markets.name, countries: markets.countries })
    .from(markets)
    .where(and(exceptId ? ne(markets.id, exceptId) : undefined, sql`${markets.countries} && ${sql.param(countries)}::varchar(2)[]`));
  if (clashes.length > 0) {
    const taken = clashes.flatMap((row) => row.countries.filter((code) => countries.includes(code)).map((code) => `${countryName(code)} (${row.name})`));
    throw invalidField('countries', `Already in another market: ${taken.slice(0, 5).join(', ')}. A country belongs to one market.`);
  }
}

/** Creates or updates a market; returns its id and code. The default market keeps the store's currency and rate. */
export async function saveMarket(actor: AuditActor, input: MarketInput, executor: Executor = db): Promise<{ id: string; code: string; previousCode: string | null }> {
  try {
    return await executor.transaction(async (tx) => {
      const [before] = input.id ? await tx.select(snapshot).from(markets).where(eq(markets.id, input.id)).for('update') : [];
      if (input.id && !before) throw new AppError('not_found', 'No such market.');
      await assertCountriesFree(tx, input.countries, input.id ?? null);
      if (before?.isDefault) {
        const values = { name: input.name, code: input.code, countries: input.countries, updatedAt: new Date() };
        await tx.update(markets).set(values).where(eq(markets.id, before.id));
        await recordAudit(tx, actor, { action: 'market.update', entityType: 'market', entityId: before.id, before: { ...before }, after: { ...before, ...values, updatedAt: undefined } });
        return { id: before.id, code: input.code, previousCode: before.code };
      }
      if (!input.currency) throw invalidField('currency', 'Enter a three-letter ISO currency code, e.g. EUR.');
      try {
        new Intl.NumberFormat('en', { style: 'currency', currency: input.currency });
      } catch {
        throw invalidField('currency', `${input.currency} is not a currency this server knows.`);
      }
      if (!input.exchangeRate) throw invalidField('exchangeRate', 'Enter a rate above zero with at most 10 decimals, e.g. 0.92.');
      const values = {
        name: input.name,
        code: input.code,
        countries: input.countries,
        currency: input.currency,
        exchangeRate: input.exchangeRate,
        roundingRule: input.roundingRule ?? 'none',
        taxDisplay: input.taxDisplay ?? 'exclusive',
      };
      if (!before) {
        const [{ position }] = (await tx.select({ position: sql<number>`coalesce(max(${markets.position}), 0) + 1` }).from(markets)) as [{ position: number }];
        const [created] = await tx.insert(markets).values({ ...values, position: Number(position) }).returning({ id: markets.id });
        await recordAudit(tx, actor, { action: 'market.create', entityType: 'market', entityId: created!.id, after: values });
        return { id: created!.id, code: values.code, previousCode: null };
      }
      await tx.update(markets).set({ ...values, updatedAt: new Date() }).where(eq(markets.id, before.id));
      await recordAudit(tx, actor, { action: 'market.update', entityType: 'market', entityId: before.id, before: { ...before }, after: values });
      return { id: before.id, code: values.code, previousCode: before.code };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidField('code', 'Another market already uses this code.');
    throw error;
  }
}

/** Deletes a market (never the default); its carts fall back to the default market, its explicit prices go with it. */
export async function deleteMarket(actor: AuditActor, id: string, executor: Executor = db): Promise<{ code: string }> {
  return executor.transaction(async (tx) => {
    const [before] = await tx.select(snapshot).from(markets).where(eq(markets.id, id)).for('update');
    if (!before) throw new AppError('not_found', 'No such market.');
    if (before.isDefault) throw new AppError('conflict', 'The default market cannot be deleted.');
    await tx.delete(markets).where(eq(markets.id, id));
    await recordAudit(tx, actor, { action: 'market.delete', entityType: 'market', entityId: id, before: { ...before } });
    return { code: before.code };
  });
}

function amount(field: string, value: string, currency: string): number {
  try {
    const cents = parseMoney(value, currency).amountCents;
    if (cents < 0) throw new MoneyError('negative');
    return cents;
  } catch (error) {
    if (error instanceof MoneyError) throw invalidField(field, `Enter an amount in ${currency}, e.g. ${currency === 'JPY' ? '4500' : '45.00'}.`);
    throw error;
  }
}

/** Sets a variant's explicit price in a market (in the market's currency). */
export async function setMarketPrice(actor: AuditActor, input: MarketPriceInput, executor: Executor = db): Promise<{ code: string; sku: string }> {
  return executor.transaction(async (tx) => {
    const [market] = await tx.select({ id: markets.id, code: markets.code, currency: markets.currency, isDefault: markets.isDefault }).from(markets).where(eq(markets.id, input.marketId));
    if (!market) throw new AppError('not_found', 'No such market.');
    if (market.isDefault) throw new AppError('conflict', 'The default market is priced by the products themselves: edit the product.');
    const [variant] = await tx.select({ id: variants.id, sku: variants.sku }).from(variants).where(eq(variants.sku, input.sku));
    if (!variant) throw invalidField('sku', `No variant has the SKU “${input.sku.slice(0, 40)}”.`);
    const priceCents = amount('price', input.price, market.currency);
    const compareAtPriceCents = input.compareAtPrice ? amount('compareAtPrice', input.compareAtPrice, market.currency) : null;
    if (compareAtPriceCents !== null && compareAtPriceCents <= priceCents) throw invalidField('compareAtPrice', 'The compare-at price must be above the price, or empty.');
    const values = { variantId: variant.id, marketId: market.id, priceCents, compareAtPriceCents, currency: market.currency };
    const [before] = await tx
      .select({ priceCents: variantMarketPrices.priceCents, compareAtPriceCents: variantMarketPrices.compareAtPriceCents, currency: variantMarketPrices.currency })
      .from(variantMarketPrices)
      .where(and(eq(variantMarketPrices.variantId, variant.id), eq(variantMarketPrices.marketId, market.id)));
    await tx
      .insert(variantMarketPrices)
      .values(values)
      .onConflictDoUpdate({ target: [variantMarketPrices.variantId, variantMarketPrices.marketId], set: { priceCents, compareAtPriceCents, currency: market.currency, updatedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: 'market.price.set',
      entityType: 'variant',
      entityId: variant.id,
      before: before ? { market: market.code, sku: variant.sku, ...before } : undefined,
      after: { market: market.code, sku: variant.sku, priceCents, compareAtPriceCents, currency: market.currency },
    });
    return { code: market.code, sku: variant.sku };
  });
}

/** Removes an explicit price: the variant is derived from its base price in that market again. */
export async function removeMarketPrice(actor: AuditActor, input: { marketId: string; variantId: string }, executor: Executor = db): Promise<{ code: string }> {
  return executor.transaction(async (tx) => {
    const [market] = await tx.select({ code: markets.code }).from(markets).where(eq(markets.id, input.marketId));
    if (!market) throw new AppError('not_found', 'No such market.');
    const [removed] = await tx
      .delete(variantMarketPrices)
      .where(and(eq(variantMarketPrices.marketId, input.marketId), eq(variantMarketPrices.variantId, input.variantId)))
      .returning({ priceCents: variantMarketPrices.priceCents, compareAtPriceCents: variantMarketPrices.compareAtPriceCents, currency: variantMarketPrices.currency });
    if (!removed) throw new AppError('not_found', 'That price was already removed.');
    await recordAudit(tx, actor, { action: 'market.price.remove', entityType: 'variant', entityId: input.variantId, before: { market: market.code, ...removed } });
    return { code: market.code };
  });
}

/**
 * A variant's explicit price in every non-default market selling in `currency` (the product CSV's `price_eur`
 * columns), in the caller's transaction: set when `price` is given, else removed (derived again). Audited like the
 * admin's own edits. Answers the codes of the markets it changed.
 */
export async function setVariantPriceInCurrency(
  tx: Transaction,
  actor: AuditActor,
  input: { sku: string; currency: string; price: string; compareAtPrice: string },
): Promise<string[]> {
  const inCurrency = await tx.select({ id: markets.id, code: markets.code }).from(markets).where(and(eq(markets.currency, input.currency), eq(markets.isDefault, false)));
  const changed: string[] = [];
  for (const market of inCurrency) {
    if (input.price) {
      await setMarketPrice(actor, { marketId: market.id, sku: input.sku, price: input.price, compareAtPrice: input.compareAtPrice }, tx);
      changed.push(market.code);
      continue;
    }
    if (input.compareAtPrice) throw invalidField('compareAtPrice', 'A compare-at price needs a price beside it.');
    const [variant] = await tx.select({ id: variants.id }).from(variants).where(eq(variants.sku, input.sku));
    if (!variant) continue;
    const [existing] = await tx
      .select({ variantId: variantMarketPrices.variantId })
      .from(variantMarketPrices)
      .where(and(eq(variantMarketPrices.marketId, market.id), eq(variantMarketPrices.variantId, variant.id)));
    if (!existing) continue;
    await removeMarketPrice(actor, { marketId: market.id, variantId: variant.id }, tx);
    changed.push(market.code);
  }
  return changed;
}

/** The currencies other markets sell in: the product CSV's extra price columns. */
export async function otherMarketCurrencies(executor: Executor = db): Promise<string[]> {
  const rows = await executor.selectDistinct({ currency: markets.currency }).from(markets).where(eq(markets.isDefault, false)).orderBy(markets.currency);
  return rows.map((row) => row.currency);
}
