import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { addresses, auditLog, carts, discountRedemptions, orders, users } from '@/db/schema';
import { staffActor } from '@/lib/admin/testing';
import { authenticateCredentials, registerUser, resolveSessionUser } from '@/lib/auth/service';
import { addCartLine } from '@/lib/cart/service';
import { addressSchema } from '@/lib/checkout/address';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { AppError } from '@/lib/errors';
import { getOrderByNumberAndEmail } from '@/lib/orders/queries';
import { createAddress } from './addresses';
import { ERASED, eraseCustomerForStaff, eraseOwnAccount, exportCustomerData, exportCustomerDataForStaff } from './privacy';

// GDPR / CCPA (issue 14): a customer's data export, and erasure that leaves no personal data in users, addresses or
// orders while every order keeps its money.

afterAll(() => closeConnection());

const PASSWORD = 'privacy journey password';

/** A customer with a saved address, two orders (one with a discount code and a phone number) and a cart. */
async function customerWithHistory(label: string) {
  const suffix = randomBytes(4).toString('hex');
  const email = `${label}-${suffix}@example.com`;
  const name = `Pat ${label} ${suffix}`;
  await registerUser({ name, email, password: PASSWORD });
  const user = (await authenticateCredentials(email, PASSWORD))!;
  const street = `${suffix} Privacy Lane`;
  const phone = `+1 503 555 ${suffix.slice(0, 4)}`;
  await createAddress(user.id, addressSchema.parse({ name, line1: street, city: 'Portland', region: 'OR', postalCode: '97204', countryCode: 'US', phone }));
  const rate = (await listShippingOptions('US', 'USD'))[0]!;
  const numbers: string[] = [];
  for (const discountCode of [undefined, 'WELCOME10']) {
    const { variant } = await createTestVariant({ stock: 10, priceCents: 6000 });
    await addCartLine({ userId: user.id }, { variantId: variant.id, quantity: 1 });
    const input = placeOrderSchema.parse({
      email,
      shippingAddress: { name, line1: street, line2: 'Apt 9', city: 'Portland', region: 'OR', postalCode: '97204', countryCode: 'US', phone },
      shippingRateId: rate.id,
      discountCode,
      customerNote: `Ring ${name}`,
    });
    numbers.push((await placeOrder({ userId: user.id }, input, { userId: user.id })).number);
  }
  const { variant } = await createTestVariant({ stock: 10, priceCents: 1500 });
  await addCartLine({ userId: user.id }, { variantId: variant.id, quantity: 2 });
  return { user, email, name, street, phone, numbers, sku: variant.sku };
}

async function orderMoney(numbers: string[]) {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      subtotal: sql<number>`sum(${orders.subtotalCents})::int`,
      discount: sql<number>`sum(${orders.discountCents})::int`,
      shipping: sql<number>`sum(${orders.shippingCents})::int`,
      tax: sql<number>`sum(${orders.taxCents})::int`,
      total: sql<number>`sum(${orders.totalCents})::int`,
      refunded: sql<number>`sum(${orders.refundedCents})::int`,
    })
    .from(orders)
    .where(inArray(orders.number, numbers));
  return row!;
}

describe('data export', () => {
  it('holds the profile, addresses, orders with their lines, and the cart — and nothing secret or someone else’s', async () => {
    const pat = await customerWithHistory('export');
    const other = await customerWithHistory('bystander');
    const data = await exportCustomerData(pat.user.id);
    expect(data.profile).toMatchObject({ id: pat.user.id, email: pat.email, name: pat.name, twoFactorEnabled: false });
    expect(data.addresses).toMatchObject([{ name: pat.name, line1: pat.street, phone: pat.phone, countryCode: 'US', isDefaultShipping: true }]);
    expect(data.orders.map((order) => order.number).sort()).toEqual([...pat.numbers].sort());
    const discounted = data.orders.find((order) => order.discountCode === 'WELCOME10')!;
    expect(discounted).toMatchObject({ email: pat.email, currency: 'USD', customerNote: `Ring ${pat.name}`, shippingAddress: { line1: pat.street, phone: pat.phone } });
    expect(discounted.discountCents).toBeGreaterThan(0);
    expect(discounted.lines).toHaveLength(1);
    expect(discounted.lines[0]!.unitPriceCents).toBe(6000);
    expect(data.cart).toMatchObject([{ sku: pat.sku, quantity: 2 }]);
    expect(data.reviews).toEqual([]);

    const text = JSON.stringify(data);
    expect(text).not.toMatch(/argon2|passwordHash|totpSecret|sessionVersion/);
    expect(text).not.toContain(other.email);
    expect(text).not.toContain(other.street);
  });

  it('an admin download on request is audited', async () => {
    const pat = await customerWithHistory('staff-export');
    const staff = await staffActor();
    const data = await exportCustomerDataForStaff(staff, pat.user.id);
    expect(data.profile.email).toBe(pat.email);
    const [row] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'customer.export'), eq(auditLog.entityId, pat.user.id)));
    expect(row).toMatchObject({ actorId: staff.user.id, after: { orders: 2, addresses: 1 } });
  });
});

describe('erasure', () => {
  it('needs the password; then leaves no personal data in users, addresses or orders, and every order the same money', async () => {
    const pat = await customerWithHistory('erase');
    const before = await orderMoney(pat.numbers);
    const [userBefore] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, pat.user.id));

    const wrong = await eraseOwnAccount(pat.user.id, 'not the password', 'req-test').catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(AppError);
    expect((wrong as AppError).fieldErrors?.password).toBeDefined();
    expect((await exportCustomerData(pat.user.id)).profile.email).toBe(pat.email);

    const result = await eraseOwnAccount(pat.user.id, PASSWORD, 'req-test');
    expect(result).toEqual({ ordersAnonymised: 2, addressesDeleted: 1, cartsDeleted: expect.any(Number) });
    expect(result.cartsDeleted).toBeGreaterThanOrEqual(1);

    // users: a tombstone; sessions over, no sign-in, no export.
    const [tombstone] = await db.select().from(users).where(eq(users.id, pat.user.id));
    expect(tombstone).toMatchObject({ name: '', passwordHash: null, status: 'disabled', totpSecretEncrypted: null, lastSignInAt: null, sessionVersion: userBefore!.sessionVersion + 1 });
    expect(tombstone!.erasedAt).toBeInstanceOf(Date);
    const tombstoneText = JSON.stringify(tombstone);
    for (const personal of [pat.email, pat.name]) expect(tombstoneText).not.toContain(personal);
    expect(await resolveSessionUser(pat.user.id, userBefore!.sessionVersion)).toBeNull();
    expect(await authenticateCredentials(pat.email, PASSWORD)).toBeNull();
    await expect(exportCustomerData(pat.user.id)).rejects.toMatchObject({ code: 'not_found' });

    // addresses and carts: gone.
    expect(await db.$count(addresses, eq(addresses.userId, pat.user.id))).toBe(0);
    expect(await db.$count(carts, eq(carts.userId, pat.user.id))).toBe(0);

    // orders: kept, with placeholders over every personal field, and the same money.
    const kept = await db.select().from(orders).where(inArray(orders.number, pat.numbers));
    expect(kept).toHaveLength(2);
    for (const order of kept) {
      expect(order).toMatchObject({ userId: null, email: ERASED.email, customerNote: null });
      expect(order.shippingAddress).toEqual({ name: ERASED.name, company: null, line1: ERASED.line, line2: null, city: 'Portland', region: 'OR', postalCode: '97204', countryCode: 'US', phone: null });
      const text = JSON.stringify(order);
      for (const personal of [pat.email, pat.name, pat.street, pat.phone]) expect(text).not.toContain(personal);
    }
    expect(await orderMoney(pat.numbers)).toEqual(before);
    // Neither the old email nor the public placeholder opens them in the guest order lookup.
    expect(await getOrderByNumberAndEmail(pat.numbers[0]!, pat.email)).toBeNull();
    expect(await getOrderByNumberAndEmail(pat.numbers[0]!, ERASED.email)).toBeNull();
    const redemptions = await db.select({ email: discountRedemptions.email, userId: discountRedemptions.userId }).from(discountRedemptions).where(inArray(discountRedemptions.orderId, kept.map((order) => order.id)));
    expect(redemptions).toEqual([{ email: ERASED.email, userId: null }]);

    // One audit row, naming neither the email nor the client address.
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'customer.erase'), eq(auditLog.entityId, pat.user.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ ip: null, after: { requestedBy: 'customer', ordersAnonymised: 2, addressesDeleted: 1 } });
    expect(JSON.stringify(audit[0])).not.toContain(pat.email);

    // The address is free again: the person may open a new, empty account.
    await registerUser({ name: 'Again', email: pat.email, password: PASSWORD });
    const again = (await authenticateCredentials(pat.email, PASSWORD))!;
    expect(again.id).not.toBe(pat.user.id);
    expect((await exportCustomerData(again.id)).orders).toEqual([]);
  });

  it('an admin erases on request after typing the customer’s email; audited with the admin as actor', async () => {
    const pat = await customerWithHistory('staff-erase');
    const staff = await staffActor();
    await expect(eraseCustomerForStaff(staff, pat.user.id, 'someone-else@example.com')).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { confirmEmail: expect.any(Array) } });
    expect(await db.$count(addresses, eq(addresses.userId, pat.user.id))).toBe(1);
    const result = await eraseCustomerForStaff(staff, pat.user.id, pat.email.toUpperCase());
    expect(result.ordersAnonymised).toBe(2);
    expect(await authenticateCredentials(pat.email, PASSWORD)).toBeNull();
    const [row] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'customer.erase'), eq(auditLog.entityId, pat.user.id)));
    expect(row).toMatchObject({ actorId: staff.user.id, after: { requestedBy: 'staff', ordersAnonymised: 2 } });
    // Erasing twice finds nothing to erase.
    await expect(eraseCustomerForStaff(staff, pat.user.id, pat.email)).rejects.toMatchObject({ code: 'not_found' });
    // Staff accounts are not erased through this door.
    await expect(eraseCustomerForStaff(staff, staff.user.id, staff.user.email)).rejects.toMatchObject({ code: 'not_found' });
  });
});
