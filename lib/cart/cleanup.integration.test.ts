import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { cartLines, carts, orders } from '@/db/schema';
import { authenticateCredentials, registerUser } from '@/lib/auth/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { databaseMode } from '@/lib/env';
import { deleteExpiredGuestCarts } from './cleanup';
import { addCartLine } from './service';

afterAll(() => closeConnection());

const RETENTION_DAYS = 30;

async function ageCart(cartId: string, days: number) {
  await db.execute(sql`update carts set updated_at = now() - ${`${days} days`}::interval where id = ${cartId}`);
}

async function exists(cartId: string) {
  return (await db.$count(carts, eq(carts.id, cartId))) === 1;
}

async function customerId(label: string) {
  const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  await registerUser({ name: label, email, password: 'cleanup password' });
  return (await authenticateCredentials(email, 'cleanup password'))!.id;
}

describe('expired guest cart cleanup', () => {
  it('deletes guest carts untouched for the retention period, in batches, with their lines; keeps fresh and customer carts', async () => {
    const { variant } = await createTestVariant({ stock: 50 });
    const stale = [];
    for (let i = 0; i < 5; i += 1) stale.push((await addCartLine({}, { variantId: variant.id, quantity: 1 })).cart.id);
    const fresh = (await addCartLine({}, { variantId: variant.id, quantity: 1 })).cart.id;
    const justInside = (await addCartLine({}, { variantId: variant.id, quantity: 1 })).cart.id;
    const userId = await customerId('keeper');
    const customerCart = (await addCartLine({ userId }, { variantId: variant.id, quantity: 1 })).cart.id;
    for (const id of stale) await ageCart(id, RETENTION_DAYS + 1);
    await ageCart(justInside, RETENTION_DAYS - 1);
    await ageCart(customerCart, 365);

    // Batches of 2: five stale carts take three batches, and others' old test carts may add to the count.
    const deleted = await deleteExpiredGuestCarts({ retentionDays: RETENTION_DAYS, batchSize: 2 });
    expect(deleted).toBeGreaterThanOrEqual(stale.length);
    expect(await db.$count(carts, inArray(carts.id, stale))).toBe(0);
    expect(await db.$count(cartLines, inArray(cartLines.cartId, stale))).toBe(0);
    expect(await exists(fresh)).toBe(true);
    expect(await exists(justInside)).toBe(true);
    expect(await exists(customerCart)).toBe(true);
    expect(await deleteExpiredGuestCarts({ retentionDays: RETENTION_DAYS })).toBe(0);
  });

  it('never deletes a cart an order is being placed from', async () => {
    const { variant } = await createTestVariant({ stock: 5, priceCents: 1500 });
    const { newToken, cart } = await addCartLine({}, { variantId: variant.id, quantity: 1 });
    await ageCart(cart.id, RETENTION_DAYS + 10);
    const rate = (await listShippingOptions('US', 'USD'))[0]!;
    const input = placeOrderSchema.parse({
      email: 'late-buyer@example.com',
      shippingAddress: { name: 'Late Buyer', line1: '1 Old Rd', city: 'Austin', region: 'TX', postalCode: '73301', countryCode: 'US' },
      shippingRateId: rate.id,
    });

    let deletedMeanwhile = -1;
    if (databaseMode === 'postgres') {
      // Placement holds the cart row lock (FOR UPDATE) until it commits; the cleanup runs on another connection
      // meanwhile and must skip the cart rather than delete it or wait for it.
      await db.transaction(async (tx) => {
        await placeOrder({ token: newToken }, input, {}, tx);
        deletedMeanwhile = await deleteExpiredGuestCarts({ retentionDays: RETENTION_DAYS });
      });
    } else {
      // PGlite has one connection, so transactions cannot overlap: placement commits first, then cleanup runs.
      await placeOrder({ token: newToken }, input);
      deletedMeanwhile = await deleteExpiredGuestCarts({ retentionDays: RETENTION_DAYS });
    }
    expect(deletedMeanwhile).toBeGreaterThanOrEqual(0);
    expect(await exists(cart.id)).toBe(true);
    const [order] = await db.select({ sourceCartId: orders.sourceCartId }).from(orders).where(eq(orders.sourceCartId, cart.id));
    expect(order).toBeDefined();
    // Placement touched the cart, so it is no longer a candidate once the lock is gone either.
    await deleteExpiredGuestCarts({ retentionDays: RETENTION_DAYS });
    expect(await exists(cart.id)).toBe(true);
  });
});
