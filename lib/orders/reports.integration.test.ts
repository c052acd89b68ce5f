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
import { getDashboard } from './reports';

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
    const expectedRevenue = captured.reduce((sum, r) => sum + r.totalCents - r.refundedCents, 0);
    const expectedOrders = rows.filter((r) => r.status !== 'cancelled').length;
    const [earlierRow] = await db.select().from(orders).where(eq(orders.id, earlier.orderId));

    const data = await getDashboard(7, NOW);
    expect(data.currency).toBe('USD');
    expect(expectedOrders).toBe(3);
    expect(captured).toHaveLength(3);
    expect(data.revenue.current).toBe(expectedRevenue);
    expect(data.revenue.current).toBe(paid.totalCents + refunded.totalCents - 500 + cancelledPaid.totalCents);
    expect(data.orders).toEqual({ current: 3, previous: 1, changePercent: 200 });
    expect(data.averageOrderValue.current).toBe(Math.round(expectedRevenue / 3));
    expect(data.revenue.previous).toBe(earlierRow!.totalCents);
    expect(data.revenue.changePercent).toBe(Math.round(((expectedRevenue - earlierRow!.totalCents) / earlierRow!.totalCents) * 1000) / 10);
    expect(data.averageOrderValue.previous).toBe(earlierRow!.totalCents);
    expect(data.newCustomers).toMatchObject({ current: 2, previous: 0, changePercent: null });

    // The chart has one point per day and adds up to the headline figures.
    expect(data.series).toHaveLength(8);
    expect(data.series.reduce((sum, p) => sum + p.revenueCents, 0)).toBe(expectedRevenue);
    expect(data.series.reduce((sum, p) => sum + p.orders, 0)).toBe(3);
    expect(data.series.find((p) => p.date === '2003-06-13')).toMatchObject({ orders: 3, revenueCents: expectedRevenue });

    // Top products: by units, cancelled orders left out.
    expect(data.topProducts.map((p) => [p.title, p.units])).toEqual([
      [paid.product.title, 2],
      ...[refunded, unpaid].map((o) => [o.product.title, 1] as [string, number]).sort((a, b) => a[0].localeCompare(b[0])),
    ]);
    expect(data.topProducts[0]!.revenueCents).toBe(4000);

    // An empty period reads as zeros, not errors.
    const empty = await getDashboard(30, new Date('1990-01-01T00:00:00Z'));
    expect(empty.revenue).toEqual({ current: 0, previous: 0, changePercent: null });
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
