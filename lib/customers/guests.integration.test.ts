import { randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { emailMessages, orders, outboxEvents, users } from '@/db/schema';
import { authenticateCredentials, registerUser, verifyEmail } from '@/lib/auth/service';
import { addCartLine } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { listOrdersForUser } from '@/lib/orders/queries';
import { getAdminCustomer } from './api';
import { getCustomer, listCustomers } from './queries';

afterAll(() => closeConnection());

const address = { name: 'Grace Guest', line1: '1 Guest Lane', city: 'Austin', region: 'TX', postalCode: '73301', countryCode: 'US' };
const newEmail = () => `guest-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@it.test`;

async function placeGuestOrder(email: string) {
  const rate = (await listShippingOptions('US', 'USD'))[0]!;
  const { variant } = await createTestVariant({ stock: 5, priceCents: 1500 });
  const { newToken } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
  return placeOrder({ token: newToken! }, placeOrderSchema.parse({ email, shippingAddress: address, shippingRateId: rate.id }));
}

async function lastTokenTo(address: string): Promise<string> {
  const [mail] = await db.select().from(emailMessages).where(eq(emailMessages.toAddress, address)).orderBy(desc(emailMessages.createdAt)).limit(1);
  const match = /token=([A-Za-z0-9_-]+)/.exec(mail?.textBody ?? '');
  if (!match) throw new Error('no token in email');
  return match[1]!;
}

describe('guest buyers as customers', () => {
  it('two placements with the same new email at once make one customer with both orders', async () => {
    const email = newEmail();
    // Differently written, the same address once normalised by the checkout.
    const [a, b] = await Promise.all([placeGuestOrder(email), placeGuestOrder(`  ${email.toUpperCase()}`)]);
    expect(a.created && b.created).toBe(true);
    const records = await db.select({ id: users.id, passwordHash: users.passwordHash, name: users.name }).from(users).where(eq(users.email, email));
    expect(records).toEqual([{ id: expect.any(String), passwordHash: null, name: 'Grace Guest' }]);
    const placed = await db.select({ customerId: orders.customerId, userId: orders.userId }).from(orders).where(eq(orders.email, email));
    expect(placed).toEqual([
      { customerId: records[0]!.id, userId: null },
      { customerId: records[0]!.id, userId: null },
    ]);

    const { items } = await listCustomers({ q: email, page: 1 });
    // Manual payment: not paid yet, so nothing is counted as spent.
    expect(items).toEqual([expect.objectContaining({ id: records[0]!.id, guest: true, orderCount: 2, amountSpent: [] })]);
    expect(await getAdminCustomer(records[0]!.id)).toMatchObject({ guest: true, ordersCount: 2, orders: [expect.anything(), expect.anything()] });
    // A guest record is not an account: it cannot sign in.
    expect(await authenticateCredentials(email, '')).toBeNull();
    // Integrators hear of the new customer once (customer.created), not once per order.
    const announced = await db
      .select({ id: outboxEvents.id })
      .from(outboxEvents)
      .where(and(eq(outboxEvents.aggregateId, records[0]!.id), sql`${outboxEvents.payload}->>'eventType' = 'customer.created'`));
    expect(announced).toHaveLength(1);
  });

  it('counts paid orders net of refunds as spent', async () => {
    const email = newEmail();
    const placed = await placeGuestOrder(email);
    await db.update(orders).set({ paymentStatus: 'partially_refunded', refundedCents: 500 }).where(eq(orders.id, placed.orderId));
    const customer = await getCustomer((await listCustomers({ q: email, page: 1 })).items[0]!.id);
    expect(customer).toMatchObject({ orderCount: 1, amountSpent: [{ currency: 'USD', amountCents: placed.totalCents - 500 }] });
  });

  it('registering adopts the guest record; its orders join the account only once the email is verified', async () => {
    const email = newEmail();
    const placed = await placeGuestOrder(email);
    const [guest] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));

    const account = await registerUser({ name: 'Grace Hopper', email, password: 'a long and unusual passphrase 42' });
    // The same record, now an account that can sign in; the admin no longer calls it a guest.
    expect(account).toMatchObject({ userId: guest!.id });
    expect(await authenticateCredentials(email, 'a long and unusual passphrase 42')).toMatchObject({ id: guest!.id });
    expect(await getCustomer(guest!.id)).toMatchObject({ guest: false, name: 'Grace Hopper', orderCount: 1 });
    // Anyone can type an email into a sign-up form: until it is proven, the guest orders stay out of the account.
    expect(await listOrdersForUser(guest!.id)).toEqual([]);

    await verifyEmail(await lastTokenTo(email));
    expect((await listOrdersForUser(guest!.id)).map((o) => o.number)).toEqual([placed.number]);
  });

  it('an address that already has an account is not taken over by registering again', async () => {
    const email = newEmail();
    const first = await registerUser({ name: 'Owner', email, password: 'the owner passphrase 9000' });
    expect(await registerUser({ name: 'Imposter', email, password: 'the imposter passphrase 9000' })).toBeNull();
    expect(await authenticateCredentials(email, 'the owner passphrase 9000')).toMatchObject({ id: first!.userId, name: 'Owner' });
    // Buying as a guest with that address counts under the existing customer, not a new record.
    const placed = await placeGuestOrder(email);
    const [order] = await db.select({ customerId: orders.customerId, userId: orders.userId }).from(orders).where(eq(orders.id, placed.orderId));
    expect(order).toEqual({ customerId: first!.userId, userId: null });
  });
});
