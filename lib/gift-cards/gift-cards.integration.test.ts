import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { customerCredits, customerCreditTransactions, emailMessages, giftCards, giftCardTransactions, orders, payments, products, users } from '@/db/schema';
import { addCartLine } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder, previewCheckout } from '@/lib/checkout/service';
import { cancelOrder, markOrderPaid, refundOrder } from '@/lib/orders/service';
import { manualRefunder } from '@/lib/payments/refunds';
import { adjustGiftCard, adjustStoreCredit, giftCardCodeHash, issueGiftCardByStaff, issueGiftCardsForOrder, setGiftCardDisabled } from './service';
import { getGiftCardBalance } from './queries';

afterAll(() => closeConnection());

const address = { name: 'Gift Giver', line1: '1 Main St', city: 'Portland', region: 'OR', postalCode: '97201', countryCode: 'US' };
let staff: { user: { id: string; email: string }; requestId: string; ip: string };
let rateId: string;

beforeAll(async () => {
  const [user] = await db
    .insert(users)
    .values({ email: `gift-admin-${randomBytes(4).toString('hex')}@example.com`, name: 'Gift Admin', role: 'admin' })
    .returning({ id: users.id, email: users.email });
  staff = { user: user!, requestId: 'test-request', ip: '127.0.0.1' };
  rateId = (await listShippingOptions('US', 'USD'))[0]!.id;
});

const email = () => `shopper-${randomBytes(4).toString('hex')}@example.com`;

function input(overrides: Record<string, unknown> = {}) {
  return placeOrderSchema.parse({ email: email(), shippingAddress: address, shippingRateId: rateId, ...overrides });
}

async function cardFor(amountCents: number, options: { currency?: string; expiresAt?: Date | null } = {}) {
  return issueGiftCardByStaff(staff, {
    currency: options.currency ?? 'USD',
    amountCents,
    expiresAt: options.expiresAt ?? null,
    recipientEmail: null,
    recipientName: null,
    message: null,
    note: 'test',
  });
}

async function card(id: string) {
  const [row] = await db.select().from(giftCards).where(eq(giftCards.id, id));
  const ledger = await db.select().from(giftCardTransactions).where(eq(giftCardTransactions.giftCardId, id));
  return { balanceCents: row!.balanceCents, ledger, ledgerSum: ledger.reduce((sum, entry) => sum + entry.amountCents, 0) };
}

/** The total an order of one unit of `variantId` comes to (shipping and Oregon's tax included). */
async function totalOf(token: string) {
  const preview = await previewCheckout({ token }, { countryCode: 'US', region: 'OR', shippingRateId: rateId });
  return preview!.totals.totalCents;
}

describe('gift cards at checkout', () => {
  it('10 concurrent orders on a card holding exactly 3 orders: exactly 3 are placed, the balance is 0 and the ledger adds up', async () => {
    const { variant } = await createTestVariant({ stock: 50, priceCents: 1500 });
    const tokens: string[] = [];
    for (let i = 0; i < 10; i += 1) tokens.push((await addCartLine({}, { variantId: variant.id, quantity: 1 })).newToken!);
    const orderTotal = await totalOf(tokens[0]!);
    const issued = await cardFor(orderTotal * 3);

    const results = await Promise.allSettled(tokens.map((token) => placeOrder({ token }, input({ giftCardCodes: [issued.code] }))));
    const placed = results.filter((result) => result.status === 'fulfilled');
    expect(placed).toHaveLength(3);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'validation_failed', fieldErrors: { giftCardCodes: [expect.stringMatching(/no balance left|changed/)] } });
    }
    const after = await card(issued.id);
    expect(after.balanceCents).toBe(0);
    expect(after.ledgerSum).toBe(0);
    expect(after.ledger.filter((entry) => entry.kind === 'redeem').map((entry) => entry.amountCents)).toEqual([-orderTotal, -orderTotal, -orderTotal]);
    // Each placed order was paid by the card in full: nothing to collect, no payment row.
    for (const result of placed) {
      const order = (result as PromiseFulfilledResult<Awaited<ReturnType<typeof placeOrder>>>).value;
      expect(order.amountDueCents).toBe(0);
      const [row] = await db.select({ giftCardCents: orders.giftCardCents, status: orders.status, paymentStatus: orders.paymentStatus }).from(orders).where(eq(orders.id, order.orderId));
      expect(row).toEqual({ giftCardCents: orderTotal, status: 'paid', paymentStatus: 'paid' });
      expect(await db.$count(payments, eq(payments.orderId, order.orderId))).toBe(0);
    }
  });

  it('covers part of an order; the rest is a manual payment, and marking it paid captures only the rest', async () => {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 4000 });
    const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
    const total = await totalOf(newToken!);
    const issued = await cardFor(1500);
    const order = await placeOrder({ token: newToken }, input({ giftCardCodes: [issued.code.toLowerCase().replace(/-/g, ' ')] }));
    expect(order.totalCents).toBe(total);
    expect(order.amountDueCents).toBe(total - 1500);
    const [payment] = await db.select({ amountCents: payments.amountCents, status: payments.status }).from(payments).where(eq(payments.orderId, order.orderId));
    expect(payment).toEqual({ amountCents: total - 1500, status: 'pending' });
    expect((await card(issued.id)).balanceCents).toBe(0);

    await markOrderPaid(staff, order.number);
    const [captured] = await db.select({ amountCents: payments.amountCents, status: payments.status }).from(payments).where(eq(payments.orderId, order.orderId));
    expect(captured).toEqual({ amountCents: total - 1500, status: 'succeeded' });
  });

  it('two cards pay in the order given; a card the order no longer needs is left untouched', async () => {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 1000 });
    const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
    const total = await totalOf(newToken!);
    const first = await cardFor(total - 100);
    const second = await cardFor(5000);
    const third = await cardFor(5000);
    const order = await placeOrder({ token: newToken }, input({ giftCardCodes: [first.code, second.code, third.code] }));
    expect(order.amountDueCents).toBe(0);
    expect((await card(first.id)).balanceCents).toBe(0);
    expect((await card(second.id)).balanceCents).toBe(4900);
    expect((await card(third.id)).ledger.map((entry) => entry.kind)).toEqual(['issue']);
  });

  it('refuses expired, disabled, unknown and other-currency cards, and changes nothing', async () => {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 1000 });
    const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
    const expired = await cardFor(5000, { expiresAt: new Date(Date.now() - 60_000) });
    const disabled = await cardFor(5000);
    await setGiftCardDisabled(staff, disabled.id, true);
    const euros = await cardFor(5000, { currency: 'EUR' });
    const attempt = (code: string) => placeOrder({ token: newToken }, input({ giftCardCodes: [code] }));
    await expect(attempt(expired.code)).rejects.toMatchObject({ fieldErrors: { giftCardCodes: [`The gift card ending ${expired.lastFour} has expired.`] } });
    await expect(attempt(disabled.code)).rejects.toMatchObject({ fieldErrors: { giftCardCodes: [`The gift card ending ${disabled.lastFour} has been disabled.`] } });
    await expect(attempt(euros.code)).rejects.toMatchObject({ fieldErrors: { giftCardCodes: [`The gift card ending ${euros.lastFour} is in EUR and can only pay orders in EUR.`] } });
    await expect(attempt('ZZZZ-ZZZZ-ZZZZ-ZZZZ')).rejects.toMatchObject({ fieldErrors: { giftCardCodes: ['This gift card code is not valid.'] } });
    for (const id of [expired.id, disabled.id, euros.id]) expect((await card(id)).balanceCents).toBe(5000);
    // The cart is still there to check out without them.
    const order = await attempt('');
    expect(order.amountDueCents).toBe(order.totalCents);
  });

  it('a cancelled order gives the card its money back exactly once, under concurrent cancels and a later full refund', async () => {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 3000 });
    const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
    const issued = await cardFor(2000);
    const order = await placeOrder({ token: newToken }, input({ giftCardCodes: [issued.code] }));
    await markOrderPaid(staff, order.number);
    expect((await card(issued.id)).balanceCents).toBe(0);

    const cancels = await Promise.allSettled([cancelOrder(staff, order.number, 'changed mind'), cancelOrder(staff, order.number, 'changed mind'), cancelOrder(staff, order.number, 'changed mind')]);
    expect(cancels.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    // The card part went back with the cancel; the card payment is refunded as its own step — in full, concurrently twice.
    const refunds = await Promise.allSettled([
      refundOrder(staff, order.number, { amountCents: order.amountDueCents, currency: 'USD', reason: 'cancelled' }, { manual: manualRefunder, stripe: manualRefunder }),
      refundOrder(staff, order.number, { amountCents: order.amountDueCents, currency: 'USD', reason: 'cancelled' }, { manual: manualRefunder, stripe: manualRefunder }),
    ]);
    expect(refunds.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const after = await card(issued.id);
    expect(after.balanceCents).toBe(2000);
    expect(after.ledger.filter((entry) => entry.kind === 'refund')).toMatchObject([{ amountCents: 2000, balanceAfterCents: 2000, orderId: order.orderId }]);
    expect(after.ledgerSum).toBe(2000);
  });

  it('a full refund (no cancel) gives the card back once', async () => {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 3000 });
    const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
    const issued = await cardFor(1000);
    const order = await placeOrder({ token: newToken }, input({ giftCardCodes: [issued.code] }));
    await markOrderPaid(staff, order.number);
    await refundOrder(staff, order.number, { amountCents: order.amountDueCents, currency: 'USD', reason: 'faulty' }, { manual: manualRefunder, stripe: manualRefunder });
    await expect(cancelOrder(staff, order.number, '')).resolves.toBeTruthy();
    const after = await card(issued.id);
    expect(after.balanceCents).toBe(1000);
    expect(after.ledger.filter((entry) => entry.kind === 'refund')).toHaveLength(1);
  });

  it('staff adjust a balance with a reason, never below zero, and the ledger keeps up', async () => {
    const issued = await cardFor(1000);
    await adjustGiftCard(staff, issued.id, 500, 'goodwill');
    await expect(adjustGiftCard(staff, issued.id, -2000, 'typo')).rejects.toMatchObject({ code: 'validation_failed' });
    await adjustGiftCard(staff, issued.id, -1500, 'correction');
    const after = await card(issued.id);
    expect(after.balanceCents).toBe(0);
    expect(after.ledgerSum).toBe(0);
    expect(after.ledger.filter((entry) => entry.kind === 'adjust').map((entry) => entry.reason)).toEqual(['goodwill', 'correction']);
  });

  it('checks a balance by code only; an unknown code reads as not found', async () => {
    const issued = await cardFor(2500);
    expect(await getGiftCardBalance(issued.code)).toMatchObject({ lastFour: issued.lastFour, balanceCents: 2500, currency: 'USD', status: 'active' });
    expect(await getGiftCardBalance('ZZZZ-ZZZZ-ZZZZ-ZZZZ')).toBeNull();
    // Only the hash is stored.
    const [row] = await db.select({ codeHash: giftCards.codeHash }).from(giftCards).where(eq(giftCards.id, issued.id));
    expect(row!.codeHash).toBe(giftCardCodeHash(issued.code));
    expect(row!.codeHash).not.toContain(issued.code.replace(/-/g, ''));
  });
});

describe('selling gift cards', () => {
  it('a paid gift card line issues one card per unit, mailed to the recipient with a working code, once; the line is not taxed or shipped', async () => {
    const { variant, product } = await createTestVariant({ stock: 1000, priceCents: 2500 });
    await db.update(products).set({ isGiftCard: true }).where(eq(products.id, product.id));
    const friend = email();
    const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 2, recipient: { email: friend, name: 'Friend', message: 'Enjoy!' } });
    const order = await placeOrder({ token: newToken }, input());
    const [row] = await db.select({ totalCents: orders.totalCents, taxCents: orders.taxCents, shippingCents: orders.shippingCents }).from(orders).where(eq(orders.id, order.orderId));
    expect(row).toEqual({ totalCents: 5000, taxCents: 0, shippingCents: 0 });
    expect(await db.$count(giftCards, eq(giftCards.sourceOrderId, order.orderId))).toBe(0);

    await markOrderPaid(staff, order.number);
    // A replayed "paid" issues nothing more.
    expect(await db.transaction((tx) => issueGiftCardsForOrder(tx, order.orderId))).toBe(0);
    const cards = await db.select().from(giftCards).where(eq(giftCards.sourceOrderId, order.orderId));
    expect(cards).toHaveLength(2);
    expect(cards.every((c) => c.balanceCents === 2500 && c.recipientEmail === friend)).toBe(true);
    const mails = await db.select().from(emailMessages).where(eq(emailMessages.toAddress, friend));
    expect(mails).toHaveLength(2);
    const code = mails[0]!.textBody.match(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
    expect(mails[0]!.htmlBody).toContain(code);
    expect(mails[0]!.textBody).toContain('Enjoy!');
    expect(await getGiftCardBalance(code)).toMatchObject({ balanceCents: 2500 });
  });

  it('gift cards cannot be bought with a gift card', async () => {
    const { variant, product } = await createTestVariant({ stock: 1000, priceCents: 2500 });
    await db.update(products).set({ isGiftCard: true }).where(eq(products.id, product.id));
    const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
    const issued = await cardFor(5000);
    await expect(placeOrder({ token: newToken }, input({ giftCardCodes: [issued.code] }))).rejects.toMatchObject({ fieldErrors: { giftCardCodes: ['Gift cards cannot be bought with a gift card or store credit.'] } });
  });
});

describe('store credit', () => {
  it('staff issue credit; a signed-in customer pays with it; cancelling gives it back once', async () => {
    const [customer] = await db.insert(users).values({ email: email(), name: 'Credit Customer', role: 'customer' }).returning({ id: users.id, email: users.email });
    await adjustStoreCredit(staff, { customerId: customer!.id, currency: 'USD', deltaCents: 1200, reason: 'Late delivery' });
    const { variant } = await createTestVariant({ stock: 5, priceCents: 3000 });
    await addCartLine({ userId: customer!.id }, { variantId: variant.id, quantity: 1 });
    const order = await placeOrder({ userId: customer!.id }, input({ email: customer!.email, useStoreCredit: true }), { userId: customer!.id });
    expect(order.amountDueCents).toBe(order.totalCents - 1200);
    const balance = async () => (await db.select({ b: customerCredits.balanceCents }).from(customerCredits).where(eq(customerCredits.customerId, customer!.id)))[0]!.b;
    expect(await balance()).toBe(0);
    await Promise.allSettled([cancelOrder(staff, order.number, ''), cancelOrder(staff, order.number, '')]);
    expect(await balance()).toBe(1200);
    const [credit] = await db.select({ id: customerCredits.id }).from(customerCredits).where(eq(customerCredits.customerId, customer!.id));
    const ledger = await db.select().from(customerCreditTransactions).where(eq(customerCreditTransactions.creditId, credit!.id));
    expect(ledger.map((entry) => [entry.kind, entry.amountCents])).toEqual([
      ['issue', 1200],
      ['redeem', -1200],
      ['refund', 1200],
    ]);
    expect(await db.$count(customerCreditTransactions, and(eq(customerCreditTransactions.creditId, credit!.id), sql`${customerCreditTransactions.amountCents} < 0`))).toBe(1);
  });
});
