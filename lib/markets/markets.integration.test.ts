import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { auditLog, orderLines, orders, payments } from '@/db/schema';
import { staffActor } from '@/lib/admin/testing';
import { addCartLine, createEmptyCart, getCartView, moveCartToMarket } from '@/lib/cart/service';
import { getCachedProductDetail } from '@/lib/catalog/cache';
import { priceCardsInMarket } from '@/lib/catalog/market-prices';
import { hydrateProductCards } from '@/lib/catalog/queries';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { AppError } from '@/lib/errors';
import { formatMoney, money } from '@/lib/money';
import { getCachedMarkets, invalidateMarket, invalidateMarketPrices } from './cache';
import { marketByCode, marketForCountry } from './queries';
import { marketInputSchema, marketPriceInputSchema } from './schemas';
import { saveMarket, setMarketPrice } from './service';

// Markets against the seeded database: the United States (USD, default), the United Kingdom (GBP at 0.79, .99) and
// the euro area (EUR at 0.92, .99, VAT included).

afterAll(() => closeConnection());

const market = async (code: string) => marketByCode(await getCachedMarkets(), code);
const berlin = { name: 'Erika Muster', line1: 'Unter den Linden 1', city: 'Berlin', region: '', postalCode: '10117', countryCode: 'DE' };

async function germanRate() {
  const eu = await market('eu');
  return (await listShippingOptions('DE', eu, 'USD')).find((option) => option.name === 'Standard International')!;
}

describe('prices per market', () => {
  it('derives a euro price by rate and rounding; an explicit price set by staff wins on the next read', async () => {
    const { variant, product } = await createTestVariant({ priceCents: 4900, stock: 10 });
    const eu = await market('eu');
    expect(eu).toMatchObject({ code: 'eu', currency: 'EUR', taxDisplay: 'inclusive', roundingRule: '99' });
    // $49.00 × 0.92 = €45.08 → €45.99.
    const derived = await getCachedProductDetail(product.slug, eu);
    expect(derived).toMatchObject({ currency: 'EUR', priceMinCents: 4599, variants: [{ priceCents: 4599, currency: 'EUR' }] });
    // The default market is the product's own price.
    expect((await getCachedProductDetail(product.slug, await market('us')))?.variants[0]).toMatchObject({ priceCents: 4900, currency: 'USD' });

    const actor = await staffActor();
    await setMarketPrice(actor, marketPriceInputSchema.parse({ marketId: eu.id, sku: variant.sku, price: '39.00', compareAtPrice: '49.00' }));
    invalidateMarketPrices('eu');
    const explicit = await getCachedProductDetail(product.slug, eu);
    expect(explicit?.variants[0]).toMatchObject({ priceCents: 3900, compareAtPriceCents: 4900, currency: 'EUR' });
    const [card] = await priceCardsInMarket(await hydrateProductCards([product.id]), eu);
    expect(card).toMatchObject({ priceMinCents: 3900, priceMaxCents: 3900, compareAtPriceCents: 4900, currency: 'EUR' });
    // The UK is untouched: still derived ($49 × 0.79 = £38.71 → £38.99).
    expect((await getCachedProductDetail(product.slug, await market('gb')))?.variants[0]).toMatchObject({ priceCents: 3899, currency: 'GBP' });
    const audited = await db.select().from(auditLog).where(and(eq(auditLog.action, 'market.price.set'), eq(auditLog.entityId, variant.id)));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.after).toMatchObject({ market: 'eu', priceCents: 3900, currency: 'EUR' });
  });

  it('refuses an explicit price with more decimals than the currency has, or a compare-at under the price', async () => {
    const { variant } = await createTestVariant({ priceCents: 1000 });
    const eu = await market('eu');
    const actor = await staffActor();
    await expect(setMarketPrice(actor, marketPriceInputSchema.parse({ marketId: eu.id, sku: variant.sku, price: '9.999' }))).rejects.toMatchObject({ fieldErrors: { price: expect.any(Array) } });
    await expect(setMarketPrice(actor, marketPriceInputSchema.parse({ marketId: eu.id, sku: variant.sku, price: '9', compareAtPrice: '8' }))).rejects.toMatchObject({ fieldErrors: { compareAtPrice: expect.any(Array) } });
  });
});

describe('currencies with no and three decimals', () => {
  it('prices, carts and formats yen (0 decimals) and Kuwaiti dinar (3 decimals) in whole minor units', async () => {
    const actor = await staffActor();
    const suffix = randomBytes(3).toString('hex');
    await saveMarket(actor, marketInputSchema.parse({ name: `Japan ${suffix}`, code: `jp-${suffix}`, countries: '', currency: 'JPY', exchangeRate: '150.5', roundingRule: 'none', taxDisplay: 'inclusive' }));
    await saveMarket(actor, marketInputSchema.parse({ name: `Kuwait ${suffix}`, code: `kw-${suffix}`, countries: '', currency: 'KWD', exchangeRate: '0.307', roundingRule: '99', taxDisplay: 'exclusive' }));
    invalidateMarket(`jp-${suffix}`);
    const jp = await market(`jp-${suffix}`);
    const kw = await market(`kw-${suffix}`);
    expect([jp.currency, kw.currency]).toEqual(['JPY', 'KWD']);

    const { variant, product } = await createTestVariant({ priceCents: 1999, stock: 10 });
    // $19.99 × 150.5 = ¥3,008.495 → ¥3,008; × 0.307 = 6.13693 KWD → 6.990 by the .99 rule, in fils.
    expect((await getCachedProductDetail(product.slug, jp))?.variants[0]).toMatchObject({ priceCents: 3008, currency: 'JPY' });
    expect((await getCachedProductDetail(product.slug, kw))?.variants[0]).toMatchObject({ priceCents: 6990, currency: 'KWD' });
    expect(formatMoney(money(3008, 'JPY'))).toBe('¥3,008');
    expect(formatMoney(money(6990, 'KWD'))).toMatch(/^KWD\s6\.990$/);

    const { token } = await createEmptyCart(undefined, jp);
    const cart = (await addCartLine({ token }, { variantId: variant.id, quantity: 3 })).cart;
    expect(cart).toMatchObject({ currency: 'JPY', market: jp.code, subtotalCents: 9024, lines: [{ unitPriceCents: 3008, lineTotalCents: 9024 }] });
    const moved = await moveCartToMarket({ token }, kw);
    expect(moved).toMatchObject({ from: { currency: 'JPY' }, to: { currency: 'KWD' } });
    expect(await getCartView({ token })).toMatchObject({ currency: 'KWD', subtotalCents: 3 * 6990 });
  });
});

describe('carts and orders in a market', () => {
  it('moving a cart to the euro area re-prices every line; its order carries euros in every amount', async () => {
    const { variant } = await createTestVariant({ priceCents: 4900, stock: 10 });
    const { newToken, cart } = await addCartLine({}, { variantId: variant.id, quantity: 2 });
    const token = newToken!;
    expect(cart).toMatchObject({ currency: 'USD', market: 'us', subtotalCents: 9800 });

    // Shipping to Germany from a US cart without the summary having moved it: refused, nothing placed.
    const rate = await germanRate();
    const input = placeOrderSchema.parse({ email: `eu-${randomBytes(3).toString('hex')}@example.com`, shippingAddress: berlin, shippingRateId: rate.id, paymentProvider: 'manual' });
    const refused = await placeOrder({ token }, input).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).fieldErrors?.['shippingAddress.countryCode']?.[0]).toMatch(/EUR/);

    const eu = marketForCountry(await getCachedMarkets(), 'DE');
    expect(eu.code).toBe('eu');
    expect(await moveCartToMarket({ token }, eu)).toMatchObject({ from: { code: 'us', currency: 'USD' }, to: { code: 'eu', currency: 'EUR' } });
    const view = (await getCartView({ token }))!;
    expect(view).toMatchObject({ currency: 'EUR', market: 'eu', subtotalCents: 2 * 4599, lines: [{ unitPriceCents: 4599 }] });

    const placed = await placeOrder({ token }, input);
    expect(placed).toMatchObject({ created: true, currency: 'EUR' });
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    // €14.99 × … : shipping is the Standard International rate converted ($14.99 × 0.92 = €13.79); VAT (19 %) is inside.
    expect(rate).toMatchObject({ currency: 'EUR', priceCents: 1379 });
    expect(order).toMatchObject({ currency: 'EUR', marketCode: 'eu', subtotalCents: 9198, shippingCents: 1379, totalCents: 9198 + 1379, taxInclusive: true });
    expect(Number(order!.exchangeRate)).toBe(0.92);
    expect(order!.taxCents).toBe(Math.round(((9198 + 1379) * 1900) / 11900));
    expect(await db.select({ unit: orderLines.unitPriceCents }).from(orderLines).where(eq(orderLines.orderId, placed.orderId))).toEqual([{ unit: 4599 }]);
    expect(await db.select({ currency: payments.currency, amount: payments.amountCents }).from(payments).where(eq(payments.orderId, placed.orderId))).toEqual([{ currency: 'EUR', amount: 9198 + 1379 }]);
  });

  it('the Store API way: a destination in another market moves the cart and places in its currency', async () => {
    const { variant } = await createTestVariant({ priceCents: 2000, stock: 5 });
    const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
    const rate = await germanRate();
    const input = placeOrderSchema.parse({ email: `api-${randomBytes(3).toString('hex')}@example.com`, shippingAddress: berlin, shippingRateId: rate.id, paymentProvider: 'manual' });
    // $20 × 0.92 = €18.40 → €18.99.
    expect(await placeOrder({ token: newToken! }, input, { followCountryMarket: true })).toMatchObject({ created: true, currency: 'EUR', totalCents: 1899 + 1379 });
  });

  it('a country belongs to one market', async () => {
    const actor = await staffActor();
    const refused = await saveMarket(actor, marketInputSchema.parse({ name: 'Germany only', code: `de-${randomBytes(3).toString('hex')}`, countries: 'DE', currency: 'EUR', exchangeRate: '0.9', roundingRule: 'none', taxDisplay: 'inclusive' })).catch((error: unknown) => error);
    expect((refused as AppError).fieldErrors?.countries?.[0]).toMatch(/Germany \(Euro area\)/);
  });
});
