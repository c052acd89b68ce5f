import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { orders, storeSettings, users } from '@/db/schema';
import { cancelOrder, markOrderPaid, refundOrder } from '@/lib/orders/service';
import { addCartLine } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { getCachedMarkets } from '@/lib/markets/cache';
import { marketForCountry } from '@/lib/markets/queries';
import { AppError } from '@/lib/errors';
import { payments, refunds } from '@/db/schema';
import { getDashboard, minorUnitScale } from './reports';

afterAll(() => closeConnection());

// Orders are placed for real, then moved back in time into a window no other test writes to, so the figures can be
// compared with sums computed here from the orders themselves.
const NOW = new Date('2003-06-15T12:00:00Z');
const DAY = 86_400_000;

let staff: { user: { id: string; email: string }; requestId: string; ip: string };

beforeAll(async () => {
  const [user] = await db.insert(users).values({ email: `dash-admin-${randomBytes(4).toString('hex')}@example.com`, role: 'admin' }).returning({ id: users.id, email: users.email });
  staff = { user: user!, requestId: 'dashboard-test', ip: '127.0.0.1' };
});

async function place(quantity: number, priceCents: number) {
  const { variant, product } = await createTestVariant({ stock: 20, priceCents });
  const { newToken } = await addCartLine({}, { variantId: variant.id, quantity });
  const rate = (await listShippingOptions('US', 'USD'))[0]!;
  const input = placeOrderSchema.parse({
    email: `dash-${randomBytes(4).toString('hex')}@example.com`,
    shippingAddress: { name: 'Dash Buyer', line1: '1 Main St', city: 'Portland', region: 'OR', postalCode: '97201', countryCode: 'US' },
    shippingRateId: rate.id,
  });
  const placed = await placeOrder({ token: newToken }, input);
  return { ...placed, product };
}

/** An order shipped to another market's country: the cart follows it there, as the Store API's checkout does. */
async function placeAbroad(address: { countryCode: string; city: string; postalCode: string }, priceCents: number) {
  const { variant } = await createTestVariant({ stock: 20, priceCents });
  const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
  const market = marketForCountry(await getCachedMarkets(), address.countryCode);
  const rate = (await listShippingOptions(address.countryCode, market, 'USD'))[0]!;
  const input = placeOrderSchema.parse({
    email: `abroad-${randomBytes(4).toString('hex')}@example.com`,
    shippingAddress: { name: 'Abroad Buyer', line1: '1 High Street', region: '', ...address },
    shippingRateId: rate.id,
    paymentProvider: 'manual',
  });
  return placeOrder({ token: newToken! }, input, { followCountryMarket: true });
}

async function backdate(ids: string[], at: Date) {
  await db.update(orders).set({ placedAt: at }).where(inArray(orders.id, ids));
}

describe('dashboard figures', () => {
  it('match sums computed from the placed orders, with the previous period beside them', async () => {
    const paid = await place(2, 2000);
    const refunded = await place(1, 3000);
    const unpaid = await place(1, 1500);
    const cancelledUnpaid = await place(3, 1000);
    const cancelledPaid = await place(1, 2500);
    const earlier = await place(1, 4000);
    for (const order of [paid, refunded, cancelledPaid, earlier]) await markOrderPaid(staff, order.number);
    await refundOrder(staff, refunded.number, { amountCents: 500, currency: 'USD', reason: '' });
    await cancelOrder(staff, cancelledUnpaid.number, '');
    await cancelOrder(staff, cancelledPaid.number, '');
    const inPeriod = [paid, refunded, unpaid, cancelledUnpaid, cancelledPaid];
    await backdate(inPeriod.map((o) => o.orderId), new Date(NOW.getTime() - 2 * DAY));
    await backdate([earlier.orderId], new Date(NOW.getTime() - 10 * DAY));
    // Two customers and one staff account join in the period; only customers count.
    await db.insert(users).values([
      { email: `dash-c1-${randomBytes(3).toString('hex')}@example.com`, createdAt: new Date(NOW.getTime() - DAY) },
      { email: `dash-c2-${randomBytes(3).toString('hex')}@example.com`, createdAt: new Date(NOW.getTime() - 3 * DAY) },
      { email: `dash-s-${randomBytes(3).toString('hex')}@example.com`, role: 'staff', createdAt: new Date(NOW.getTime() - DAY) },
    ]);

    // Independently: read the orders back and apply the documented rules by hand.
    const rows = await db.select().from(orders).where(inArray(orders.id, inPeriod.map((o) => o.orderId)));
    const captured = rows.filter((r) => r.paymentStatus !== 'unpaid');
    // Net sales, Shopify's way: items at their price (no tax, no shipping: these are tax-exclusive US orders), less
    // discounts, less returns — the refund's share that falls on the items, and all of a paid order later cancelled.
    const goods = (r: (typeof rows)[number]) => r.subtotalCents - r.discountCents;
    const returnsOf = (r: (typeof rows)[number]) => (r.status === 'cancelled' ? goods(r) : Math.round((r.refundedCents * goods(r)) / r.totalCents));
    const expectedGross = captured.reduce((sum, r) => sum + r.subtotalCents, 0);
    const expectedReturns = captured.reduce((sum, r) => sum + returnsOf(r), 0);
    const expectedNet = expectedGross - expectedReturns;
    const expectedOrders = rows.filter((r) => r.status !== 'cancelled').length;
    const [earlierRow] = await db.select().from(orders).where(eq(orders.id, earlier.orderId));

    const data = await getDashboard(7, NOW);
    expect(data.currency).toBe('USD');
    expect(expectedOrders).toBe(3);
    expect(captured).toHaveLength(3);
    expect(data.sales).toEqual({ grossSalesCents: 4000 + 3000 + 2500, discountsCents: 0, returnsCents: expectedReturns, netSalesCents: expectedNet });
    // The refund of 5.00 falls partly on shipping and tax, so less than 5.00 of it is a return of goods.
    const refundedRow = rows.find((r) => r.id === refunded.orderId)!;
    expect(returnsOf(refundedRow)).toBeLessThan(500);
    expect(data.netSales.current).toBe(4000 + 3000 - returnsOf(refundedRow));
    expect(data.orders).toEqual({ current: 3, previous: 1, changePercent: 200 });
    expect(data.averageOrderValue.current).toBe(Math.round(expectedGross / 3));
    expect(data.netSales.previous).toBe(earlierRow!.subtotalCents);
    expect(data.netSales.changePercent).toBe(Math.round(((expectedNet - earlierRow!.subtotalCents) / earlierRow!.subtotalCents) * 1000) / 10);
    expect(data.averageOrderValue.previous).toBe(earlierRow!.subtotalCents);
    expect(data.newCustomers).toMatchObject({ current: 2, previous: 0, changePercent: null });

    // The chart has one point per day and adds up to the headline figures.
    expect(data.series).toHaveLength(8);
    expect(data.series.reduce((sum, p) => sum + p.netSalesCents, 0)).toBe(expectedNet);
    expect(data.series.reduce((sum, p) => sum + p.orders, 0)).toBe(3);
    expect(data.series.find((p) => p.date === '2003-06-13')).toMatchObject({ orders: 3, netSalesCents: expectedNet });

    // Top products: by units, from paid orders (cancelled and unpaid ones left out), net of tax and shipping.
    expect(data.topProducts.map((p) => [p.title, p.units, p.netSalesCents])).toEqual([
      [paid.product.title, 2, 4000],
      [refunded.product.title, 1, 3000],
    ]);
    expect(data.topProducts[0]!.productId).toBe(paid.product.id);

    // An empty period reads as zeros, not errors.
    const empty = await getDashboard(30, new Date('1990-01-01T00:00:00Z'));
    expect(empty.netSales).toEqual({ current: 0, previous: 0, changePercent: null });
    expect(empty.topProducts).toEqual([]);
  });

  it('lists variants at or under the low-stock threshold, lowest first', async () => {
    const [settings] = await db.select({ threshold: storeSettings.lowStockThreshold }).from(storeSettings);
    const { variant } = await createTestVariant({ stock: 0 });
    const data = await getDashboard(30);
    expect(data.lowStockThreshold).toBe(settings!.threshold);
    expect(data.lowStock.length).toBeGreaterThan(0);
    expect(data.lowStock.every((row) => row.stock <= settings!.threshold)).toBe(true);
    expect(data.lowStock.map((row) => row.stock)).toEqual([...data.lowStock.map((row) => row.stock)].sort((a, b) => a - b));
    expect(data.lowStock[0]!.stock).toBe(0);
    // The fresh sold-out variant is among them unless ten others are also at zero.
    if (data.lowStock.length < 10 || data.lowStock.at(-1)!.stock > 0) expect(data.lowStock.map((row) => row.sku)).toContain(variant.sku);
  });
});

describe('dashboard across currencies', () => {
  it('scales minor units between currencies of 0, 2 and 3 decimals', () => {
    expect(minorUnitScale('USD', 'USD')).toBe('1');
    expect(minorUnitScale('JPY', 'USD')).toBe('100');
    expect(minorUnitScale('KWD', 'USD')).toBe('0.1');
    expect(minorUnitScale('USD', 'JPY')).toBe('0.01');
    expect(minorUnitScale('KWD', 'JPY')).toBe('0.001');
  });

  it('reports each currency on its own and every figure in the base currency at the rate stored on each order; refunds are in the order currency', async () => {
    const AT = new Date('2004-03-10T12:00:00Z');
    const usd = await place(1, 5000);
    const eur = await placeAbroad({ countryCode: 'DE', city: 'Berlin', postalCode: '10117' }, 4000);
    const gbp = await placeAbroad({ countryCode: 'GB', city: 'London', postalCode: 'SW1A 1AA' }, 3000);
    expect([usd.currency, eur.currency, gbp.currency]).toEqual(['USD', 'EUR', 'GBP']);
    for (const order of [usd, eur, gbp]) await markOrderPaid(staff, order.number);

    // A refund must be asked in the order's currency; in it, it is recorded and paid back in it.
    const wrong = await refundOrder(staff, eur.number, { amountCents: 500, currency: 'USD', reason: '' }).catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(AppError);
    expect((wrong as AppError).message).toBe('Refunds on this order are in EUR.');
    await refundOrder(staff, eur.number, { amountCents: 500, currency: 'EUR', reason: 'damaged' });
    const [eurPayment] = await db.select({ id: payments.id, currency: payments.currency }).from(payments).where(eq(payments.orderId, eur.orderId));
    expect(eurPayment!.currency).toBe('EUR');
    expect(await db.select({ amount: refunds.amountCents, currency: refunds.currency }).from(refunds).where(eq(refunds.orderId, eur.orderId))).toEqual([{ amount: 500, currency: 'EUR' }]);

    await backdate([usd.orderId, eur.orderId, gbp.orderId], new Date(AT.getTime() - DAY));
    const rows = await db.select().from(orders).where(inArray(orders.id, [usd.orderId, eur.orderId, gbp.orderId]));
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(Number(byId.get(eur.orderId)!.exchangeRate)).toBe(0.92);
    expect(Number(byId.get(gbp.orderId)!.exchangeRate)).toBe(0.79);

    const data = await getDashboard(7, AT);
    expect(data.currency).toBe('USD');
    expect(data.byCurrency.map((row) => [row.currency, row.orders])).toEqual([['USD', 1], ['EUR', 1], ['GBP', 1]]);
    const usdRow = data.byCurrency.find((row) => row.currency === 'USD')!;
    const eurRow = data.byCurrency.find((row) => row.currency === 'EUR')!;
    const gbpRow = data.byCurrency.find((row) => row.currency === 'GBP')!;
    expect(usdRow.netSalesCents).toBe(5000);
    expect(usdRow.netSalesBaseCents).toBe(5000);
    // Converted at the stored rate: € ÷ 0.92 and £ ÷ 0.79, each within a cent of the exact quotient.
    expect(Math.abs(eurRow.netSalesBaseCents! - eurRow.netSalesCents / 0.92)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(gbpRow.netSalesBaseCents! - gbpRow.netSalesCents / 0.79)).toBeLessThanOrEqual(0.5);
    // The EUR figure is its items without VAT, less the refund's share on them: below the price, above price − refund.
    const eurOrder = byId.get(eur.orderId)!;
    expect(eurOrder.taxInclusive).toBe(true);
    expect(eurRow.netSalesCents).toBeLessThan(eurOrder.subtotalCents);
    expect(eurRow.netSalesCents).toBeGreaterThan(eurOrder.subtotalCents - 500 - eurOrder.taxCents);
    // The headline adds the three in dollars (each currency's exact converted sum, rounded once).
    expect(Math.abs(data.netSales.current - (5000 + eurRow.netSalesCents / 0.92 + gbpRow.netSalesCents / 0.79))).toBeLessThanOrEqual(1);
    expect(data.orders.current).toBe(3);
    expect(data.series.reduce((sum, point) => sum + point.netSalesCents, 0)).toBe(data.netSales.current);
    expect(data.topProducts).toHaveLength(3);
    expect(data.topProducts.reduce((sum, product) => sum + product.netSalesCents, 0)).toBeGreaterThan(data.netSales.current);
  });
});
