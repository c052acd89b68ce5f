import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { auditLog, orders, payments, users } from '@/db/schema';
import { addCartLine } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { bulkFulfillSchema, bulkOrderNumbersSchema } from './schemas';
import { fulfillOrders, markOrdersPaid } from './service';

afterAll(() => closeConnection());

const address = { name: 'Ada Lovelace', line1: '12 Analytical Row', city: 'Portland', region: 'OR', postalCode: '97201', countryCode: 'US' };
let staff: { user: { id: string; email: string }; requestId: string; ip: string };

beforeAll(async () => {
  const email = `bulk-orders-${randomBytes(4).toString('hex')}@example.com`;
  const [user] = await db.insert(users).values({ email, name: 'Bulk Admin', role: 'admin' }).returning({ id: users.id, email: users.email });
  staff = { user: user!, requestId: 'test-bulk', ip: '127.0.0.1' };
});

/** A guest order paid by bank transfer (manual): it starts pending and unpaid. */
async function placed() {
  const { variant } = await createTestVariant({ stock: 10, priceCents: 1500 });
  const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 2 });
  const rate = (await listShippingOptions('US', 'USD'))[0]!;
  const input = placeOrderSchema.parse({ email: `bulk-${randomBytes(4).toString('hex')}@example.com`, shippingAddress: address, shippingRateId: rate.id });
  return placeOrder({ token: newToken }, input);
}

async function statusOf(number: string) {
  const [row] = await db.select({ status: orders.status, paymentStatus: orders.paymentStatus }).from(orders).where(eq(orders.number, number));
  return row!;
}

describe('bulk order moves from the orders list', () => {
  it('marks the manual-payment orders paid, each in its own transaction, and skips the rest with the reason', async () => {
    const [a, b, card, paid] = await Promise.all([placed(), placed(), placed(), placed()]);
    await db.update(orders).set({ paymentProvider: 'stripe' }).where(eq(orders.number, card.number));
    await markOrdersPaid(staff, [paid.number]);
    const missing = 'SF-ZZZZZZZZ';

    const outcome = await markOrdersPaid(staff, bulkOrderNumbersSchema.parse({ numbers: [a.number, b.number, card.number, paid.number, missing] }).numbers);
    expect(outcome.changed.map((entry) => entry.number)).toEqual([a.number, b.number]);
    expect(outcome.skipped).toEqual([
      { number: card.number, reason: 'Card payments are marked paid by the payment provider, not by hand.' },
      { number: paid.number, reason: 'This order is already paid.' },
      { number: missing, reason: 'No such order.' },
    ]);
    expect(await statusOf(a.number)).toEqual({ status: 'paid', paymentStatus: 'paid' });
    expect(await statusOf(card.number)).toEqual({ status: 'pending', paymentStatus: 'unpaid' });
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, 'order.mark_paid'), eq(auditLog.entityId, a.orderId)));
    expect(audits).toHaveLength(1);
  });

  it('two bulk mark-paid runs at once on the same orders: each order paid exactly once, one payment and one audit row', async () => {
    const chosen = await Promise.all([placed(), placed(), placed()]);
    const numbers = chosen.map((order) => order.number);
    const [first, second] = await Promise.all([markOrdersPaid(staff, numbers), markOrdersPaid(staff, [...numbers].reverse())]);
    expect(first.changed.length + second.changed.length).toBe(3);
    expect(first.skipped.length + second.skipped.length).toBe(3);
    for (const order of chosen) {
      expect(await statusOf(order.number)).toEqual({ status: 'paid', paymentStatus: 'paid' });
      expect(await db.$count(payments, and(eq(payments.orderId, order.orderId), eq(payments.status, 'succeeded')))).toBe(1);
      expect(await db.$count(auditLog, and(eq(auditLog.action, 'order.mark_paid'), eq(auditLog.entityId, order.orderId)))).toBe(1);
    }
  });

  it('fulfils the paid orders with their own tracking numbers and skips an unpaid one', async () => {
    const [ready, unpaid] = await Promise.all([placed(), placed()]);
    await markOrdersPaid(staff, [ready.number]);
    const input = bulkFulfillSchema.parse({ carrier: 'UPS', [`tracking.${ready.number}`]: '1Z999AA10123456784', [`tracking.${unpaid.number}`]: '1Z999AA10123456785' });
    const outcome = await fulfillOrders(staff, input.shipments.map((shipment) => ({ ...shipment, carrier: input.carrier })));
    expect(outcome.changed.map((entry) => [entry.number, entry.result.status, entry.result.units])).toEqual([[ready.number, 'fulfilled', 2]]);
    expect(outcome.skipped).toEqual([{ number: unpaid.number, reason: 'This order is not paid yet.' }]);
    expect((await statusOf(ready.number)).status).toBe('fulfilled');
    expect((await statusOf(unpaid.number)).status).toBe('pending');
  });

  it('takes at most 50 orders and only order numbers', () => {
    const many = Array.from({ length: 51 }, (_, i) => `SF-${String(i).padStart(8, '0')}`);
    expect(bulkOrderNumbersSchema.safeParse({ numbers: many }).success).toBe(false);
    expect(bulkOrderNumbersSchema.safeParse({ numbers: ['1; drop table orders'] }).success).toBe(false);
    expect(bulkOrderNumbersSchema.parse({ numbers: 'sf-00000001' }).numbers).toEqual(['SF-00000001']);
  });
});
