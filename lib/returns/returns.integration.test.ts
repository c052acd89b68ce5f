import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { auditLog, customerCredits, emailMessages, inventoryLedger, orders, payments, products, refunds, returnLines, returns, users, variants } from '@/db/schema';
import { addCartLine } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { fulfillOrder, markOrderPaid, refundOrder } from '@/lib/orders/service';
import { manualRefunder } from '@/lib/payments/refunds';
import { getReturnableOrder, getReturnDetail } from './queries';
import { returnRequestSchema } from './schemas';
import { approveReturn, cancelReturn, completeReturn, receiveReturn, rejectReturn, requestReturn } from './service';

// Returns against a real database, through the services: the limits (bought minus already returned, stock held for
// exchanges, captured money) hold under concurrent requests, and each step happens once however often it is clicked.

afterAll(() => closeConnection());

const address = { name: 'Ret Urner', line1: '1 Main St', city: 'Portland', region: 'OR', postalCode: '97201', countryCode: 'US' };
const refunders = { manual: manualRefunder, stripe: manualRefunder };
let staff: { user: { id: string; email: string }; requestId: string; ip: string };
let rateId: string;

beforeAll(async () => {
  const [user] = await db
    .insert(users)
    .values({ email: `returns-admin-${randomBytes(4).toString('hex')}@example.com`, name: 'Returns Admin', role: 'admin' })
    .returning({ id: users.id, email: users.email });
  staff = { user: user!, requestId: 'test-request', ip: '127.0.0.1' };
  rateId = (await listShippingOptions('US', 'USD'))[0]!.id;
});

async function customer() {
  const [user] = await db
    .insert(users)
    .values({ email: `returner-${randomBytes(4).toString('hex')}@example.com`, name: 'Returner', role: 'customer' })
    .returning({ id: users.id, email: users.email });
  return user!;
}

/** A second variant of the product, for exchanges. */
async function sibling(productId: string, stock: number) {
  const [row] = await db
    .insert(variants)
    .values({ productId, sku: `SIB-${randomBytes(4).toString('hex')}`, title: 'Large', priceCents: 2500, currency: 'USD', stockOnHand: stock })
    .returning({ id: variants.id });
  return row!.id;
}

async function stockOf(variantId: string) {
  const [row] = await db.select({ stock: variants.stockOnHand }).from(variants).where(eq(variants.id, variantId));
  return row!.stock;
}

/** A paid, shipped order of `quantity` units of a fresh product, placed by a signed-in customer. */
async function shippedOrder(quantity = 2, options: { stock?: number } = {}) {
  const { product, variant } = await createTestVariant({ stock: options.stock ?? 20, priceCents: 2500 });
  const user = await customer();
  const { newToken } = await addCartLine({ userId: user.id }, { variantId: variant.id, quantity });
  const placed = await placeOrder({ token: newToken!, userId: user.id }, placeOrderSchema.parse({ email: user.email, shippingAddress: address, shippingRateId: rateId }), { userId: user.id });
  await markOrderPaid(staff, placed.number);
  await fulfillOrder(staff, placed.number, { carrier: 'UPS', trackingNumber: `1Z${randomBytes(4).toString('hex')}` });
  const [line] = (await db.execute(sql`select id from order_lines where order_id = ${placed.orderId}`)) as unknown as [{ id: string }];
  return { ...placed, user, product, variant, lineId: line.id };
}

const ask = (number: string, lines: { orderLineId: string; quantity: number; exchangeVariantId?: string | null }[], extra: Record<string, unknown> = {}) =>
  returnRequestSchema.parse({ number, reason: 'Too small', lines, ...extra });

describe('return requests', () => {
  it('refuses more than was bought, and more than is left after an earlier return', async () => {
    const order = await shippedOrder(2);
    const me = { kind: 'customer' as const, userId: order.user.id };
    await expect(requestReturn(me, ask(order.number, [{ orderLineId: order.lineId, quantity: 3 }]))).rejects.toMatchObject({ code: 'validation_failed', message: 'You can return at most 2 of ' + order.product.title + '.' });
    const first = await requestReturn(me, ask(order.number, [{ orderLineId: order.lineId, quantity: 1 }]));
    expect(first.number).toMatch(/^RT-/);
    await requestReturn(me, ask(order.number, [{ orderLineId: order.lineId, quantity: 1 }]));
    await expect(requestReturn(me, ask(order.number, [{ orderLineId: order.lineId, quantity: 1 }]))).rejects.toMatchObject({ code: 'validation_failed' });
    // A cancelled request frees its units again.
    await cancelReturn(me, first.number);
    await expect(requestReturn(me, ask(order.number, [{ orderLineId: order.lineId, quantity: 1 }]))).resolves.toMatchObject({ status: 'requested' });
    // The instructions email was kept with each request.
    const mails = await db.select({ subject: emailMessages.subject }).from(emailMessages).where(eq(emailMessages.toAddress, order.user.email));
    expect(mails.filter((mail) => mail.subject.startsWith(`Your return RT-`))).toHaveLength(3);
  });

  it('the window and the Returnable flag bind customers; staff may open a return after the window', async () => {
    const late = await shippedOrder(1);
    await db.update(orders).set({ deliveredAt: new Date(Date.now() - 31 * 24 * 60 * 60 * 1000) }).where(eq(orders.id, late.orderId));
    await expect(requestReturn({ kind: 'customer', userId: late.user.id }, ask(late.number, [{ orderLineId: late.lineId, quantity: 1 }]))).rejects.toMatchObject({
      code: 'conflict',
      message: 'Returns are accepted for 30 days after delivery; this order is past that.',
    });
    expect((await getReturnableOrder(late.number, { kind: 'customer', userId: late.user.id }))!.refusal).toMatch(/past that/);
    await expect(requestReturn({ kind: 'staff', actor: staff }, ask(late.number, [{ orderLineId: late.lineId, quantity: 1 }]))).resolves.toMatchObject({ status: 'requested' });

    const finalSale = await shippedOrder(1);
    await db.update(products).set({ returnable: false }).where(eq(products.id, finalSale.product.id));
    await expect(requestReturn({ kind: 'customer', userId: finalSale.user.id }, ask(finalSale.number, [{ orderLineId: finalSale.lineId, quantity: 1 }]))).rejects.toMatchObject({
      code: 'validation_failed',
      message: `${finalSale.product.title} cannot be returned.`,
    });
    // A reason that is not in the policy's list is refused for customers.
    const other = await shippedOrder(1);
    await expect(requestReturn({ kind: 'customer', userId: other.user.id }, ask(other.number, [{ orderLineId: other.lineId, quantity: 1 }], { reason: 'Made up' }))).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('concurrent requests for the last unit: exactly one is accepted', async () => {
    const order = await shippedOrder(1);
    const me = { kind: 'customer' as const, userId: order.user.id };
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => requestReturn(me, ask(order.number, [{ orderLineId: order.lineId, quantity: 1 }]))));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [{ units }] = (await db.execute(sql`select coalesce(sum(quantity), 0)::int as units from return_lines where order_line_id = ${order.lineId}`)) as unknown as [{ units: number }];
    expect(units).toBe(1);
  });

  it('another customer, a wrong email or an unshipped order cannot ask for a return', async () => {
    const order = await shippedOrder(1);
    const stranger = await customer();
    await expect(requestReturn({ kind: 'customer', userId: stranger.id }, ask(order.number, [{ orderLineId: order.lineId, quantity: 1 }]))).rejects.toMatchObject({ code: 'not_found' });
    await expect(requestReturn({ kind: 'guest', email: 'someone@example.com' }, ask(order.number, [{ orderLineId: order.lineId, quantity: 1 }]))).rejects.toMatchObject({ code: 'not_found' });
    expect(await getReturnableOrder(order.number, { kind: 'customer', userId: stranger.id })).toBeNull();
    await expect(requestReturn({ kind: 'guest', email: order.user.email.toUpperCase() }, ask(order.number, [{ orderLineId: order.lineId, quantity: 1 }]))).resolves.toMatchObject({ status: 'requested' });

    // Paid but not shipped yet: nothing to send back.
    const { variant } = await createTestVariant({ stock: 5 });
    const buyer = await customer();
    const { newToken } = await addCartLine({ userId: buyer.id }, { variantId: variant.id, quantity: 1 });
    const placed = await placeOrder({ token: newToken!, userId: buyer.id }, placeOrderSchema.parse({ email: buyer.email, shippingAddress: address, shippingRateId: rateId }), { userId: buyer.id });
    await markOrderPaid(staff, placed.number);
    const [line] = (await db.execute(sql`select id from order_lines where order_id = ${placed.orderId}`)) as unknown as [{ id: string }];
    await expect(requestReturn({ kind: 'customer', userId: buyer.id }, ask(placed.number, [{ orderLineId: line.id, quantity: 1 }]))).rejects.toMatchObject({ code: 'conflict', message: 'Only an order that has shipped can be returned.' });
  });

  it('exchange holds never oversell: concurrent exchanges for the last unit of a size, exactly one holds it', async () => {
    const orderA = await shippedOrder(1);
    const large = await sibling(orderA.product.id, 1);
    // Four more orders of the same product by other customers, all shipped.
    const others = [orderA];
    for (let i = 0; i < 3; i += 1) {
      const user = await customer();
      const { newToken } = await addCartLine({ userId: user.id }, { variantId: orderA.variant.id, quantity: 1 });
      const placed = await placeOrder({ token: newToken!, userId: user.id }, placeOrderSchema.parse({ email: user.email, shippingAddress: address, shippingRateId: rateId }), { userId: user.id });
      await markOrderPaid(staff, placed.number);
      await fulfillOrder(staff, placed.number, { carrier: 'UPS', trackingNumber: `1Z${i}` });
      const [line] = (await db.execute(sql`select id from order_lines where order_id = ${placed.orderId}`)) as unknown as [{ id: string }];
      others.push({ ...orderA, ...placed, user, lineId: line.id });
    }
    const results = await Promise.allSettled(
      others.map((order) => requestReturn({ kind: 'customer', userId: order.user.id }, ask(order.number, [{ orderLineId: order.lineId, quantity: 1, exchangeVariantId: large }]))),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/out of stock/) });
    expect(await stockOf(large)).toBe(0);
    const holds = await db.select().from(inventoryLedger).where(and(eq(inventoryLedger.variantId, large), eq(inventoryLedger.reason, 'exchange_held')));
    expect(holds).toHaveLength(1);

    // Rejecting it gives the unit back, once, even when rejected twice at once.
    const accepted = (results.find((result) => result.status === 'fulfilled') as PromiseFulfilledResult<{ number: string }>).value;
    const rejections = await Promise.allSettled([rejectReturn(staff, accepted.number, 'Worn'), rejectReturn(staff, accepted.number, 'Worn')]);
    expect(rejections.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await stockOf(large)).toBe(1);
  });
});

describe('the staff workflow', () => {
  it('two staff receiving the same return at once: one receipt, stock moved once', async () => {
    const order = await shippedOrder(2);
    const me = { kind: 'customer' as const, userId: order.user.id };
    const asked = await requestReturn(me, ask(order.number, [{ orderLineId: order.lineId, quantity: 2 }]));
    const [line] = await db.select({ id: returnLines.id }).from(returnLines).innerJoin(returns, eq(returns.id, returnLines.returnId)).where(eq(returns.number, asked.number));
    // Receiving before approval is refused.
    await expect(receiveReturn(staff, { number: asked.number, dispositions: { [line!.id]: 'restock' } })).rejects.toMatchObject({ code: 'conflict' });
    await approveReturn(staff, asked.number);
    await expect(approveReturn(staff, asked.number)).rejects.toMatchObject({ code: 'conflict' });
    const before = await stockOf(order.variant.id);
    const receipts = await Promise.allSettled([
      receiveReturn(staff, { number: asked.number, dispositions: { [line!.id]: 'restock' } }),
      receiveReturn(staff, { number: asked.number, dispositions: { [line!.id]: 'restock' } }),
    ]);
    expect(receipts.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await stockOf(order.variant.id)).toBe(before + 2);
    const [{ id: returnId }] = await db.select({ id: returns.id }).from(returns).where(eq(returns.number, asked.number)) as [{ id: string }];
    const receipts_ = await db.select().from(auditLog).where(and(eq(auditLog.action, 'return.receive'), eq(auditLog.entityId, returnId)));
    expect(receipts_).toHaveLength(1);
    const restocks = await db.select().from(inventoryLedger).where(and(eq(inventoryLedger.variantId, order.variant.id), eq(inventoryLedger.reason, 'returned')));
    expect(restocks).toHaveLength(1);
    const detail = await getReturnDetail(asked.number, { kind: 'customer', userId: order.user.id });
    expect(detail!.status).toBe('received');
    expect(detail!.timeline.map((event) => event.message)).toEqual(['Return requested', 'Approved: please send the items back', 'Items received']);
  });

  it('refunds across returns and direct refunds together never exceed what was captured, even at once', async () => {
    const order = await shippedOrder(2);
    const me = { kind: 'customer' as const, userId: order.user.id };
    const [captured] = await db.select({ amountCents: payments.amountCents }).from(payments).where(eq(payments.orderId, order.orderId));
    const first = await requestReturn(me, ask(order.number, [{ orderLineId: order.lineId, quantity: 1 }]));
    const second = await requestReturn(me, ask(order.number, [{ orderLineId: order.lineId, quantity: 1 }]));
    for (const asked of [first, second]) {
      await approveReturn(staff, asked.number);
      const [line] = await db.select({ id: returnLines.id }).from(returnLines).innerJoin(returns, eq(returns.id, returnLines.returnId)).where(eq(returns.number, asked.number));
      await receiveReturn(staff, { number: asked.number, dispositions: { [line!.id]: 'restock' } });
    }
    // Staff refund almost everything directly while both returns are completed, twice each (two tabs).
    const direct = captured!.amountCents - 100;
    const results = await Promise.allSettled([
      refundOrder(staff, order.number, { currency: 'USD', amountCents: direct, reason: 'Goodwill' }, refunders),
      completeReturn(staff, first.number, {}, refunders),
      completeReturn(staff, first.number, {}, refunders),
      completeReturn(staff, second.number, {}, refunders),
      completeReturn(staff, second.number, {}, refunders),
    ]);
    const [row] = await db.select({ refundedCents: orders.refundedCents }).from(orders).where(eq(orders.id, order.orderId));
    const [payment] = await db.select({ refundedCents: payments.refundedCents, amountCents: payments.amountCents }).from(payments).where(eq(payments.orderId, order.orderId));
    const succeeded = await db.select({ amountCents: refunds.amountCents }).from(refunds).where(and(eq(refunds.orderId, order.orderId), eq(refunds.status, 'succeeded')));
    const total = succeeded.reduce((sum, refund) => sum + refund.amountCents, 0);
    expect(total).toBeLessThanOrEqual(captured!.amountCents);
    expect(row!.refundedCents).toBe(total);
    expect(payment!.refundedCents).toBe(total);
    expect(results.filter((result) => result.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    // No return was completed twice: each has at most one refund, and a refused one is back at "received" to retry.
    const rows = await db.select({ status: returns.status, refundId: returns.refundId }).from(returns).where(eq(returns.orderId, order.orderId));
    for (const item of rows) expect(['completed', 'received']).toContain(item.status);
    const returnRefunds = await db.select({ id: refunds.id }).from(refunds).where(and(eq(refunds.orderId, order.orderId), sql`${refunds.reason} like 'Return RT-%'`));
    expect(returnRefunds.length).toBe(rows.filter((item) => item.status === 'completed').length);
  });

  it('completes as store credit and as an exchange order that ships like any other', async () => {
    const order = await shippedOrder(2);
    const large = await sibling(order.product.id, 5);
    const me = { kind: 'customer' as const, userId: order.user.id };
    const asked = await requestReturn(me, ask(order.number, [{ orderLineId: order.lineId, quantity: 1, exchangeVariantId: large }]));
    expect(await stockOf(large)).toBe(4);
    await approveReturn(staff, asked.number);
    const [line] = await db.select({ id: returnLines.id }).from(returnLines).innerJoin(returns, eq(returns.id, returnLines.returnId)).where(eq(returns.number, asked.number));
    const soldBefore = await stockOf(order.variant.id);
    await receiveReturn(staff, { number: asked.number, dispositions: { [line!.id]: 'write_off' } });
    // Written off: the ledger shows it came back and went out as damaged; stock for sale is unchanged.
    expect(await stockOf(order.variant.id)).toBe(soldBefore);
    const done = await completeReturn(staff, asked.number, {}, refunders);
    expect(done.refundCents).toBe(0);
    expect(done.exchangeOrderNumber).toMatch(/^SF-/);
    await expect(completeReturn(staff, asked.number, {}, refunders)).rejects.toMatchObject({ code: 'conflict' });
    const [exchange] = await db.select({ totalCents: orders.totalCents, status: orders.status, userId: orders.userId }).from(orders).where(eq(orders.number, done.exchangeOrderNumber!));
    expect(exchange).toEqual({ totalCents: 0, status: 'paid', userId: order.user.id });
    // The held unit is the exchange order's: shipping it moves no more stock.
    await fulfillOrder(staff, done.exchangeOrderNumber!, { carrier: 'UPS', trackingNumber: '1ZEXCHANGE' });
    expect(await stockOf(large)).toBe(4);

    // The other unit back for store credit.
    const credit = await requestReturn(me, ask(order.number, [{ orderLineId: order.lineId, quantity: 1 }]));
    await approveReturn(staff, credit.number);
    const [creditLine] = await db.select({ id: returnLines.id }).from(returnLines).innerJoin(returns, eq(returns.id, returnLines.returnId)).where(eq(returns.number, credit.number));
    await receiveReturn(staff, { number: credit.number, dispositions: { [creditLine!.id]: 'restock' } });
    const settled = await completeReturn(staff, credit.number, { refundMethod: 'store_credit' }, refunders);
    expect(settled.refundCents).toBeGreaterThan(0);
    const [balance] = await db.select({ balanceCents: customerCredits.balanceCents }).from(customerCredits).where(eq(customerCredits.customerId, order.user.id));
    expect(balance!.balanceCents).toBe(settled.refundCents);
  });
});
