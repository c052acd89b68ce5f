import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { authenticateCredentials, registerUser } from '@/lib/auth/service';
import { addCartLine } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { createAddress, deleteAddress, listAddresses, setDefaultAddress } from '@/lib/customers/addresses';
import { getOrderByNumberAndEmail, getOrderForUser, listOrdersForUser } from './queries';

afterAll(() => closeConnection());

async function customer(label: string) {
  const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  await registerUser({ name: label, email, password: 'owner password' });
  return (await authenticateCredentials(email, 'owner password'))!;
}

const address = { name: 'Owner', line1: '2 Road', city: 'Seattle', region: 'WA', postalCode: '98101', countryCode: 'US' };

describe('ownership lives in the WHERE clause', () => {
  it('shows an order to its owner only; others and wrong emails get nothing', async () => {
    const alice = await customer('alice');
    const bob = await customer('bob');
    const { variant } = await createTestVariant({ stock: 3, priceCents: 1200 });
    await addCartLine({ userId: alice.id }, { variantId: variant.id, quantity: 1 });
    const rate = (await listShippingOptions('US', 'USD'))[0]!;
    const placed = await placeOrder({ userId: alice.id }, placeOrderSchema.parse({ email: alice.email, shippingAddress: address, shippingRateId: rate.id }), {
      userId: alice.id,
    });

    expect((await getOrderForUser(alice.id, placed.number))?.number).toBe(placed.number);
    expect(await getOrderForUser(bob.id, placed.number)).toBeNull();
    expect((await listOrdersForUser(alice.id)).map((o) => o.number)).toContain(placed.number);
    expect(await listOrdersForUser(bob.id)).toEqual([]);

    expect((await getOrderByNumberAndEmail(placed.number.toLowerCase(), alice.email.toUpperCase()))?.number).toBe(placed.number);
    expect(await getOrderByNumberAndEmail(placed.number, bob.email)).toBeNull();
    // The DTO carries no internal ids.
    expect(JSON.stringify(await getOrderForUser(alice.id, placed.number))).not.toContain(alice.id);
  });

  it("counts an order's items in the history, and the customer's view carries nothing staff-only", async () => {
    const carol = await customer('carol');
    const first = await createTestVariant({ stock: 5, priceCents: 1000 });
    const second = await createTestVariant({ stock: 5, priceCents: 500 });
    await addCartLine({ userId: carol.id }, { variantId: first.variant.id, quantity: 2 });
    await addCartLine({ userId: carol.id }, { variantId: second.variant.id, quantity: 1 });
    const rate = (await listShippingOptions('US', 'USD'))[0]!;
    const placed = await placeOrder({ userId: carol.id }, placeOrderSchema.parse({ email: carol.email, shippingAddress: address, shippingRateId: rate.id }), {
      userId: carol.id,
    });
    expect(await listOrdersForUser(carol.id)).toEqual([expect.objectContaining({ number: placed.number, itemCount: 3 })]);
    const detail = await getOrderForUser(carol.id, placed.number);
    expect(detail!.lines.map((line) => line.quantity).sort()).toEqual([1, 2]);
    for (const staffOnly of ['payments', 'refunds', 'timeline', 'transitions', 'customerNote', 'billingAddress']) expect(detail).not.toHaveProperty(staffOnly);
    expect(Object.keys(detail!.lines[0]!).sort()).toEqual(['productTitle', 'quantity', 'sku', 'totalCents', 'unitPriceCents', 'variantTitle']);
  });

  it('keeps address books apart', async () => {
    const alice = await customer('alice-addr');
    const bob = await customer('bob-addr');
    await createAddress(alice.id, { ...address, company: null, line2: null, phone: null, region: 'WA' });
    const [saved] = await listAddresses(alice.id);
    expect(saved!.isDefaultShipping).toBe(true);
    await expect(deleteAddress(bob.id, saved!.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(setDefaultAddress(bob.id, saved!.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await listAddresses(bob.id)).toEqual([]);
    await deleteAddress(alice.id, saved!.id);
    expect(await listAddresses(alice.id)).toEqual([]);
  });
});
