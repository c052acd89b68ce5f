import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import {
  auditLog,
  discountCodes,
  discountRedemptions,
  emailMessages,
  inventoryLedger,
  orderEvents,
  orders,
  payments,
  refunds,
  users,
  variants,
} from '@/db/schema';
import { addCartLine } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { deliverOrderShipped } from '@/lib/orders/notifications';
import { getOrderByNumberAndEmail } from '@/lib/orders/queries';
import { handleStripeWebhook } from '@/lib/payments/service';
import { createStripeRefunder, manualRefunder } from '@/lib/payments/refunds';
import { getStaffOrder, listOrdersForStaff } from '@/lib/orders/queries';
import { orderListQuerySchema } from '@/lib/orders/schemas';
import { startStripeStandIn, type StripeStandIn } from '@/lib/payments/testing/stripe-stand-in';
import { cancelOrder, fulfillOrder, markOrderDelivered, markOrderPaid, refundOrder } from './service';

afterAll(() => closeConnection());

const address = { name: 'Grace Hopper', line1: '1 Navy Way', city: 'Portland', region: 'OR', postalCode: '97201', countryCode: 'US' };

let staff: { user: { id: string; email: string }; requestId: string; ip: string };

beforeAll(async () => {
  const email = `orders-admin-${randomBytes(4).toString('hex')}@example.com`;
  const [user] = await db.insert(users).values({ email, name: 'Order Admin', role: 'admin' }).returning({ id: users.id, email: users.email });
  staff = { user: user!, requestId: 'test-request', ip: '127.0.0.1' };
});

/** A guest order of `quantity` units of a fresh variant (manual payment, so it starts pending/unpaid). */
async function placed(options: { quantity?: number; stock?: number; priceCents?: number; discountCode?: string; email?: string } = {}) {
  const { variant, product } = await createTestVariant({ stock: options.stock ?? 10, priceCents: options.priceCents ?? 2000 });
  const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: options.quantity ?? 2 });
  const rate = (await listShippingOptions('US', 'USD'))[0]!;
  const input = placeOrderSchema.parse({
    email: options.email ?? `buyer-${randomBytes(4).toString('hex')}@example.com`,
    shippingAddress: address,
    shippingRateId: rate.id,
    discountCode: options.discountCode,
  });
  const order = await placeOrder({ token: newToken }, input);
  return { ...order, variant, product, email: input.email };
}

async function orderRow(orderId: string) {
  const [row] = await db.select().from(orders).where(eq(orders.id, orderId));
  return row!;
}

async function stockOf(variantId: string) {
  const [row] = await db.select({ stock: variants.stockOnHand }).from(variants).where(eq(variants.id, variantId));
  return row!.stock;
}

async function eventTypes(orderId: string) {
  const rows = await db.select({ type: orderEvents.type }).from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(orderEvents.createdAt, orderEvents.id);
  return rows.map((row) => row.type);
}

async function auditActions(orderId: string) {
  const rows = await db.select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.entityType, 'order'), eq(auditLog.entityId, orderId))).orderBy(auditLog.id);
  expect(rows.every((row) => row.actorId === staff.user.id)).toBe(true);
  return rows.map((row) => row.action);
}

describe('staff order moves', () => {
  it('mark paid → fulfil in two parcels → delivered, each with a timeline event and an audit row', async () => {
    const order = await placed({ quantity: 3 });
    await markOrderPaid(staff, order.number);
    expect(await orderRow(order.orderId)).toMatchObject({ status: 'paid', paymentStatus: 'paid' });
    const [payment] = await db.select().from(payments).where(eq(payments.orderId, order.orderId));
    expect(payment).toMatchObject({ provider: 'manual', status: 'succeeded', amountCents: order.totalCents });
    await expect(markOrderPaid(staff, order.number)).rejects.toMatchObject({ code: 'conflict', message: 'This order is already paid.' });

    const detail = await getStaffOrder(order.number);
    const lineId = detail!.lines[0]!.id;
    expect(detail!.transitions).toEqual(['fulfill', 'cancel', 'refund']);
    // More than is left to ship is refused, naming the line, and nothing is written.
    await expect(fulfillOrder(staff, order.number, { carrier: 'UPS', trackingNumber: '1Z999', lines: [{ orderLineId: lineId, quantity: 4 }] })).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: { [`qty.${lineId}`]: [expect.stringContaining('At most 3')] },
    });
    const first = await fulfillOrder(staff, order.number, { carrier: 'UPS', trackingNumber: '1Z999AA10123456784', lines: [{ orderLineId: lineId, quantity: 1 }] });
    expect(first).toMatchObject({ status: 'paid', units: 1 });
    expect((await getStaffOrder(order.number))!.fulfilment).toBe('Partially shipped');
    // A partly shipped order can no longer be cancelled.
    await expect(cancelOrder(staff, order.number, '')).rejects.toMatchObject({ code: 'conflict' });
    const second = await fulfillOrder(staff, order.number, { carrier: 'USPS', trackingNumber: '9400 1000 0000 0000 0000 00' });
    expect(second).toMatchObject({ status: 'fulfilled', units: 2 });
    expect(await orderRow(order.orderId)).toMatchObject({ status: 'fulfilled' });

    // The shipped email carries carrier and tracking, once however often delivery runs.
    await deliverOrderShipped(first.fulfillmentId);
    await deliverOrderShipped(first.fulfillmentId);
    const mails = await db.select().from(emailMessages).where(eq(emailMessages.subject, `Your order ${order.number} has shipped`));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.textBody).toContain('Carrier: UPS');
    expect(mails[0]!.textBody).toContain('Tracking number: 1Z999AA10123456784');

    // The customer's own view shows both parcels with their tracking numbers.
    const customerView = await getOrderByNumberAndEmail(order.number, order.email);
    expect(customerView!.fulfilment).toBe('Shipped');
    expect(customerView!.shipments.map((s) => [s.carrier, s.trackingNumber])).toEqual([
      ['UPS', '1Z999AA10123456784'],
      ['USPS', '9400 1000 0000 0000 0000 00'],
    ]);

    await markOrderDelivered(staff, order.number);
    expect(await orderRow(order.orderId)).toMatchObject({ status: 'delivered' });
    expect((await getOrderByNumberAndEmail(order.number, order.email))!.shipments.every((s) => s.status === 'delivered')).toBe(true);
    expect(await eventTypes(order.orderId)).toEqual(['placed', 'paid', 'fulfilled', 'fulfilled', 'email', 'delivered']);
    expect(await auditActions(order.orderId)).toEqual(['order.mark_paid', 'order.fulfill', 'order.fulfill', 'order.mark_delivered']);
  });

  it('refuses to fulfil an unpaid order and to mark an unshipped one delivered, changing nothing', async () => {
    const order = await placed();
    await expect(fulfillOrder(staff, order.number, { carrier: 'UPS', trackingNumber: '1Z1' })).rejects.toMatchObject({ code: 'conflict', message: 'This order is not paid yet.' });
    await expect(markOrderDelivered(staff, order.number)).rejects.toMatchObject({ code: 'conflict' });
    expect(await orderRow(order.orderId)).toMatchObject({ status: 'pending', paymentStatus: 'unpaid' });
    expect(await eventTypes(order.orderId)).toEqual(['placed']);
    expect(await auditActions(order.orderId)).toEqual([]);
  });

  it('cancelling twice at once restocks exactly once; the ledger adds up to the stock', async () => {
    const order = await placed({ quantity: 3, stock: 8 });
    expect(await stockOf(order.variant.id)).toBe(5);
    const results = await Promise.allSettled([cancelOrder(staff, order.number, 'customer asked'), cancelOrder(staff, order.number, 'customer asked')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(refused.reason).toMatchObject({ code: 'conflict', message: 'This order is already cancelled.' });
    expect(await stockOf(order.variant.id)).toBe(8);
    const ledger = await db.select().from(inventoryLedger).where(eq(inventoryLedger.variantId, order.variant.id));
    expect(ledger.filter((row) => row.reason === 'order_cancelled')).toMatchObject([{ delta: 3, quantityAfter: 8, actorId: staff.user.id, orderId: order.orderId }]);
    // The fixture's opening stock (8) plus every ledger delta is what is on hand.
    expect(8 + ledger.reduce((sum, row) => sum + row.delta, 0)).toBe(await stockOf(order.variant.id));
    // A third attempt, later, changes nothing either.
    await expect(cancelOrder(staff, order.number, '')).rejects.toMatchObject({ code: 'conflict' });
    expect(await stockOf(order.variant.id)).toBe(8);
    expect(await eventTypes(order.orderId)).toEqual(['placed', 'cancelled']);
    expect(await auditActions(order.orderId)).toEqual(['order.cancel']);
  });

  it('cancelling releases the discount use', async () => {
    const code = `CANCEL${randomBytes(3).toString('hex').toUpperCase()}`;
    await db.insert(discountCodes).values({ code, type: 'percentage', value: 10, currency: 'USD', usageLimit: 1 });
    const order = await placed({ discountCode: code });
    const [used] = await db.select({ timesUsed: discountCodes.timesUsed, id: discountCodes.id }).from(discountCodes).where(eq(discountCodes.code, code));
    expect(used!.timesUsed).toBe(1);
    await cancelOrder(staff, order.number, '');
    const [after] = await db.select({ timesUsed: discountCodes.timesUsed }).from(discountCodes).where(eq(discountCodes.code, code));
    expect(after!.timesUsed).toBe(0);
    expect(await db.$count(discountRedemptions, eq(discountRedemptions.orderId, order.orderId))).toBe(0);
    // The code (limit 1) can be used again.
    await expect(placed({ discountCode: code })).resolves.toMatchObject({ created: true });
  });
});

describe('refunds', () => {
  it('refuses a refund on an unpaid order', async () => {
    const order = await placed();
    await expect(refundOrder(staff, order.number, { amountCents: 100, currency: 'USD', reason: '' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'Nothing has been paid on this order, so there is nothing to refund.',
    });
    expect(await db.$count(refunds, eq(refunds.orderId, order.orderId))).toBe(0);
  });

  it('partial refunds up to the captured amount, then refuses more with the amount left', async () => {
    const order = await placed({ quantity: 1, priceCents: 5000 });
    await markOrderPaid(staff, order.number);
    const first = await refundOrder(staff, order.number, { amountCents: 1000, currency: 'USD', reason: 'scratched' }, { manual: manualRefunder, stripe: manualRefunder });
    expect(first.paymentStatus).toBe('partially_refunded');
    const left = order.totalCents - 1000;
    await expect(refundOrder(staff, order.number, { amountCents: left + 1, currency: 'USD', reason: '' })).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: { amount: [`You can refund at most $${(left / 100).toFixed(2)} on this order.`] },
    });
    expect(await orderRow(order.orderId)).toMatchObject({ refundedCents: 1000, paymentStatus: 'partially_refunded' });
    const rest = await refundOrder(staff, order.number, { amountCents: left, currency: 'USD', reason: '' });
    expect(rest.paymentStatus).toBe('refunded');
    expect(await orderRow(order.orderId)).toMatchObject({ refundedCents: order.totalCents, paymentStatus: 'refunded' });
    await expect(refundOrder(staff, order.number, { amountCents: 1, currency: 'USD', reason: '' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await eventTypes(order.orderId)).toEqual(['placed', 'paid', 'refunded', 'refunded']);
    expect(await auditActions(order.orderId)).toEqual(['order.mark_paid', 'order.refund', 'order.refund']);
  });

  it('concurrent partial refunds never exceed what was captured', async () => {
    const order = await placed({ quantity: 1, priceCents: 3000 });
    await markOrderPaid(staff, order.number);
    const slice = Math.ceil(order.totalCents / 3);
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => refundOrder(staff, order.number, { amountCents: slice, currency: 'USD', reason: 'race' })));
    const succeeded = results.filter((r) => r.status === 'fulfilled').length;
    // Three slices of ceil(total/3) exceed the total, so only two fit.
    expect(succeeded).toBe(2);
    const refundedTotal = Number((await db.select({ sum: sql<number>`coalesce(sum(${refunds.amountCents}), 0)::int` }).from(refunds).where(and(eq(refunds.orderId, order.orderId), eq(refunds.status, 'succeeded'))))[0]!.sum);
    expect(refundedTotal).toBe(2 * slice);
    expect(refundedTotal).toBeLessThanOrEqual(order.totalCents);
    const [payment] = await db.select().from(payments).where(eq(payments.orderId, order.orderId));
    expect(payment!.refundedCents).toBe(refundedTotal);
    expect((await orderRow(order.orderId)).refundedCents).toBe(refundedTotal);
  });

  describe('card payments (Stripe SDK aimed at a local stand-in for api.stripe.com)', () => {
    let server: Server;
    let port = 0;
    const received: { path: string; body: string; idempotencyKey: string | undefined }[] = [];
    let answer: { status: number; body: Record<string, unknown> } = { status: 200, body: {} };

    beforeAll(async () => {
      server = createServer((req: IncomingMessage, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          received.push({ path: req.url ?? '', body, idempotencyKey: req.headers['idempotency-key'] as string | undefined });
          res.writeHead(answer.status, { 'content-type': 'application/json', 'request-id': 'req_local' });
          res.end(JSON.stringify(answer.body));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    // The webhook re-fetches the intent from Stripe's API (at STRIPE_API_URL): a stand-in answers there.
    let stripeApi: StripeStandIn;
    beforeAll(async () => {
      stripeApi = await startStripeStandIn();
    });
    afterAll(() => stripeApi.close());

    const stripeRefunder = () =>
      createStripeRefunder(() => new Stripe('sk_test_local_only', { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 }));

    /** An order paid by card: placed, then its payment recorded as the webhook would (tested in lib/payments). */
    async function paidByCard() {
      const order = await placed({ quantity: 1, priceCents: 4000 });
      const intent = `pi_local_${randomBytes(4).toString('hex')}`;
      await db.update(orders).set({ paymentProvider: 'stripe', status: 'paid', paymentStatus: 'paid', paidAt: new Date() }).where(eq(orders.id, order.orderId));
      await db.delete(payments).where(eq(payments.orderId, order.orderId));
      await db.insert(payments).values({ orderId: order.orderId, provider: 'stripe', status: 'succeeded', amountCents: order.totalCents, currency: 'USD', providerReference: intent, capturedAt: new Date() });
      return { ...order, intent };
    }

    it('refunds through Stripe with an idempotency key and records Stripe’s refund id', async () => {
      const order = await paidByCard();
      answer = { status: 200, body: { id: 're_local_1', object: 'refund', status: 'succeeded', amount: 1500, currency: 'usd' } };
      const result = await refundOrder(staff, order.number, { amountCents: 1500, currency: 'USD', reason: 'late' }, { manual: manualRefunder, stripe: stripeRefunder() });
      expect(result).toMatchObject({ amountCents: 1500, paymentStatus: 'partially_refunded' });
      const call = received.at(-1)!;
      expect(call.path).toBe('/v1/refunds');
      expect(new URLSearchParams(call.body).get('payment_intent')).toBe(order.intent);
      expect(new URLSearchParams(call.body).get('amount')).toBe('1500');
      expect(call.idempotencyKey).toBe(`refund-${result.refundId}`);
      const [refund] = await db.select().from(refunds).where(eq(refunds.id, result.refundId));
      expect(refund).toMatchObject({ status: 'succeeded', providerReference: 're_local_1', amountCents: 1500 });
      expect(await orderRow(order.orderId)).toMatchObject({ refundedCents: 1500, paymentStatus: 'partially_refunded' });
      expect(await eventTypes(order.orderId)).toEqual(['placed', 'refund_requested', 'refunded']);
    });

    it('a card payment captured after the order was cancelled can still be refunded in full', async () => {
      const order = await placed({ quantity: 1, priceCents: 1800 });
      await db.update(orders).set({ paymentProvider: 'stripe' }).where(eq(orders.id, order.orderId));
      await db.delete(payments).where(eq(payments.orderId, order.orderId));
      await cancelOrder(staff, order.number, 'customer asked');
      // The shopper's card payment completes afterwards; the real webhook handler records it.
      const secret = 'whsec_orders_integration';
      const intent = `pi_late_${randomBytes(4).toString('hex')}`;
      stripeApi.putIntent({ id: intent, amount: order.totalCents, currency: 'usd', status: 'succeeded', metadata: { orderId: order.orderId } });
      const payload = JSON.stringify({
        id: `evt_late_${randomBytes(4).toString('hex')}`,
        object: 'event',
        type: 'payment_intent.succeeded',
        data: { object: { object: 'payment_intent', id: intent, amount: order.totalCents, amount_received: order.totalCents, currency: 'usd', metadata: { orderId: order.orderId } } },
      });
      expect((await handleStripeWebhook(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret }), secret)).status).toBe(200);
      expect(await orderRow(order.orderId)).toMatchObject({ status: 'cancelled', paymentStatus: 'unpaid' });
      expect((await getStaffOrder(order.number))!.transitions).toEqual(['refund']);
      answer = { status: 200, body: { id: 're_local_late', object: 'refund', status: 'succeeded', amount: order.totalCents, currency: 'usd' } };
      const result = await refundOrder(staff, order.number, { amountCents: order.totalCents, currency: 'USD', reason: 'cancelled' }, { manual: manualRefunder, stripe: stripeRefunder() });
      expect(result.paymentStatus).toBe('refunded');
      expect(new URLSearchParams(received.at(-1)!.body).get('payment_intent')).toBe(intent);
      expect(await orderRow(order.orderId)).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', refundedCents: order.totalCents });
    });

    it('when Stripe refuses, the reserved amount is released and nothing counts as refunded', async () => {
      const order = await paidByCard();
      answer = { status: 402, body: { error: { type: 'invalid_request_error', message: 'Charge already refunded' } } };
      await expect(refundOrder(staff, order.number, { amountCents: 1000, currency: 'USD', reason: '' }, { manual: manualRefunder, stripe: stripeRefunder() })).rejects.toMatchObject({
        code: 'unavailable',
        message: expect.stringContaining('Nothing was refunded'),
      });
      expect(await orderRow(order.orderId)).toMatchObject({ refundedCents: 0, paymentStatus: 'paid' });
      const [payment] = await db.select().from(payments).where(eq(payments.orderId, order.orderId));
      expect(payment!.refundedCents).toBe(0);
      expect(await db.select({ status: refunds.status }).from(refunds).where(eq(refunds.orderId, order.orderId))).toEqual([{ status: 'failed' }]);
      expect(await eventTypes(order.orderId)).toEqual(['placed', 'refund_requested', 'refund_failed']);
    });
  });
});

describe('orders list', () => {
  it('filters by status, payment status and search (number, email, customer name), newest first', async () => {
    const marker = randomBytes(3).toString('hex');
    const a = await placed({ email: `list-${marker}-a@example.com` });
    const b = await placed({ email: `list-${marker}-b@example.com` });
    await markOrderPaid(staff, b.number);
    const both = await listOrdersForStaff(orderListQuerySchema.parse({ q: `list-${marker}` }));
    expect(both.rows.map((row) => row.number)).toEqual([b.number, a.number]);
    expect(both.total).toBe(2);
    expect((await listOrdersForStaff(orderListQuerySchema.parse({ q: `list-${marker}`, payment: 'paid' }))).rows.map((r) => r.number)).toEqual([b.number]);
    expect((await listOrdersForStaff(orderListQuerySchema.parse({ q: `list-${marker}`, status: 'pending' }))).rows.map((r) => r.number)).toEqual([a.number]);
    expect((await listOrdersForStaff(orderListQuerySchema.parse({ q: a.number.toLowerCase() }))).rows.map((r) => r.number)).toEqual([a.number]);
    const byName = await listOrdersForStaff(orderListQuerySchema.parse({ q: 'grace hop' }));
    expect(byName.rows.map((r) => r.number)).toEqual(expect.arrayContaining([a.number, b.number]));
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await listOrdersForStaff(orderListQuerySchema.parse({ q: `list-${marker}`, from: tomorrow }))).total).toBe(0);
    // Bad filter values fall back to no filter rather than an error.
    expect(orderListQuerySchema.parse({ status: 'nonsense', page: '-3', from: 'yesterday', sort: 'nonsense' })).toEqual({ page: 1, sort: 'placed' });
  });
});
