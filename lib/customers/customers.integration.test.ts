import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { users } from '@/db/schema';
import { actorFor, auditRowsFor, createPerson } from '@/lib/admin/testing/people';
import { resolveSessionUser } from '@/lib/auth/service';
import { addCartLine } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { createTestVariant } from '@/db/testing/fixtures';
import { getCustomer, listCustomers } from './queries';
import { setCustomerStatus } from './service';

afterAll(() => closeConnection());

describe('customers in the admin', () => {
  it('disabling a customer ends their session at once and is audited; enabling lets them sign in again', async () => {
    const staff = await createPerson('staff');
    const customer = await createPerson('customer');
    expect(await resolveSessionUser(customer.id, customer.sessionVersion)).toMatchObject({ id: customer.id });

    await setCustomerStatus(actorFor(staff), customer.id, 'disabled');
    expect(await resolveSessionUser(customer.id, customer.sessionVersion)).toBeNull();
    expect(await auditRowsFor(customer.id)).toEqual([
      expect.objectContaining({ action: 'customer.disable', actorId: staff.id, before: { status: 'active' }, after: { status: 'disabled' } }),
    ]);

    await setCustomerStatus(actorFor(staff), customer.id, 'active');
    const [row] = await db.select({ status: users.status, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, customer.id));
    expect(row).toEqual({ status: 'active', sessionVersion: customer.sessionVersion + 1 });
    // The old session stays ended; a new sign-in carries the new version.
    expect(await resolveSessionUser(customer.id, customer.sessionVersion)).toBeNull();
    expect(await resolveSessionUser(customer.id, row!.sessionVersion)).not.toBeNull();
    expect(await auditRowsFor(customer.id)).toHaveLength(2);
  });

  it('only acts on customers: a staff account is "not found" here and nothing is written', async () => {
    const staff = await createPerson('staff');
    const colleague = await createPerson('staff');
    await expect(setCustomerStatus(actorFor(staff), colleague.id, 'disabled')).rejects.toMatchObject({ code: 'not_found' });
    expect(await resolveSessionUser(colleague.id, colleague.sessionVersion)).not.toBeNull();
    expect(await auditRowsFor(colleague.id)).toHaveLength(0);
    expect(await getCustomer(colleague.id)).toBeNull();
  });

  it('searches by email or name, case-insensitively, and treats % as a literal', async () => {
    const customer = await createPerson('customer');
    const found = await listCustomers({ q: customer.email.toUpperCase(), page: 1 });
    expect(found.items.map((c) => c.id)).toEqual([customer.id]);
    expect((await listCustomers({ q: '%', page: 1 })).items).toHaveLength(0);
    const detail = await getCustomer(customer.id);
    expect(detail).toMatchObject({ email: customer.email, status: 'active', orders: [], addresses: [] });
  });

  it("counts each customer's own orders in the list", async () => {
    const customer = await createPerson('customer');
    const rate = (await listShippingOptions('US', 'USD'))[0]!;
    for (let i = 0; i < 2; i += 1) {
      const { variant } = await createTestVariant({ stock: 3 });
      await addCartLine({ userId: customer.id }, { variantId: variant.id, quantity: 1 });
      const shippingAddress = { name: 'Count Me', line1: '1 Tally Road', city: 'Austin', region: 'TX', postalCode: '73301', countryCode: 'US' };
      await placeOrder({ userId: customer.id }, placeOrderSchema.parse({ email: customer.email, shippingAddress, shippingRateId: rate.id }), { userId: customer.id });
    }
    const { items } = await listCustomers({ q: customer.email, page: 1 });
    expect(items).toEqual([expect.objectContaining({ id: customer.id, orderCount: 2 })]);
  });
});
