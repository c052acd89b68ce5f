import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { POST as checkoutRoute } from '@/app/api/store/v1/checkout/route';
import { closeConnection, db } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { orders } from '@/db/schema';
import { authenticateCredentials, registerUser } from '@/lib/auth/service';
import { addCartLine } from '@/lib/cart/service';
import { listShippingOptions } from '@/lib/checkout/service';
import { createAddress, listAddresses } from '@/lib/customers/addresses';
import { AppError } from '@/lib/errors';
import { addressSchema } from './address';

// Finding 9 (issue 14): a German order was stored with region "CA" left over from a saved US address. Region and
// postal code are checked per country by the one address schema that the Store API, the checkout form and the
// address book all parse with (and the address book re-checks in its service).

afterAll(() => closeConnection());

type Answer = { order?: { number: string }; error?: { code: string; fieldErrors?: Record<string, string[]> } };

async function apiCheckout(address: Record<string, string>, countryCode: string) {
  const { variant } = await createTestVariant({ stock: 5, priceCents: 2500 });
  const token = (await addCartLine({}, { variantId: variant.id, quantity: 1 })).newToken!;
  const rate = (await listShippingOptions(countryCode, 'USD'))[0]!;
  const response = await checkoutRoute(
    new NextRequest('http://store.test/api/store/v1/checkout', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cart-token': token, 'idempotency-key': `addr-${Date.now()}-${Math.random()}` },
      body: JSON.stringify({ email: 'rules@example.com', shippingAddress: { name: 'Rita Rules', line1: 'Hauptstraße 1', city: 'Berlin', countryCode, ...address }, shippingRateId: rate.id }),
    }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, json: (await response.json()) as Answer };
}

async function storedAddress(number: string) {
  const [row] = await db.select({ address: orders.shippingAddress }).from(orders).where(eq(orders.number, number));
  return row!.address;
}

describe('region and postal code per country', () => {
  it('refuses a German address carrying a US state (region CA) and names the field; no order is placed', async () => {
    const before = await db.$count(orders);
    const refused = await apiCheckout({ region: 'CA', postalCode: '10115' }, 'DE');
    expect(refused.status).toBe(422);
    expect(refused.json.error?.fieldErrors?.['shippingAddress.region']?.[0]).toMatch(/Germany/);
    expect(await db.$count(orders)).toBe(before);

    const placed = await apiCheckout({ region: '', postalCode: '10115' }, 'DE');
    expect(placed.status).toBe(201);
    expect(await storedAddress(placed.json.order!.number)).toMatchObject({ countryCode: 'DE', region: null, postalCode: '10115' });
  });

  it('requires a region from the list where the country has one (US, CA, AU) and accepts its name', async () => {
    const parse = (countryCode: string, region: string, postalCode: string) => addressSchema.safeParse({ name: 'A', line1: '1 St', city: 'X', countryCode, region, postalCode });
    expect(parse('CA', 'ON', 'K1A 0B1').success).toBe(true);
    expect(parse('CA', 'TX', 'K1A 0B1').error?.issues[0]).toMatchObject({ path: ['region'] });
    expect(parse('AU', '', '2000').error?.issues[0]).toMatchObject({ path: ['region'] });
    expect(parse('AU', 'new south wales', '2000').data?.region).toBe('NSW');
    expect(parse('US', 'ON', '94105').error?.issues[0]).toMatchObject({ path: ['region'] });

    const ontario = await apiCheckout({ region: 'Ontario', postalCode: 'k1a0b1' }, 'CA');
    expect(ontario.status).toBe(201);
    expect(await storedAddress(ontario.json.order!.number)).toMatchObject({ region: 'ON', postalCode: 'K1A 0B1' });
  });

  it('accepts every UK postcode shape, stores it in its canonical form, and refuses malformed ones', async () => {
    const parse = (postalCode: string) => addressSchema.safeParse({ name: 'A', line1: '1 St', city: 'London', countryCode: 'GB', postalCode });
    // A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA, and the Girobank code.
    for (const [typed, canonical] of [
      ['m1 1ae', 'M1 1AE'],
      ['B33 8TH', 'B33 8TH'],
      ['CR2 6XH', 'CR2 6XH'],
      ['DN551PT', 'DN55 1PT'],
      ['W1A 0AX', 'W1A 0AX'],
      ['ec1a  1bb', 'EC1A 1BB'],
      ['GIR 0AA', 'GIR 0AA'],
    ] as const) {
      expect(parse(typed).data?.postalCode, typed).toBe(canonical);
    }
    for (const bad of ['12345', 'SW1A 1A', 'QA1 1AA', 'SW1A 1AAA', 'AB1 1CI', '']) {
      expect(parse(bad).error?.issues.map((issue) => issue.path.join('.')), bad).toContain('postalCode');
    }
    const placed = await apiCheckout({ postalCode: 'sw1a1aa', region: '' }, 'GB');
    expect(placed.status).toBe(201);
    expect(await storedAddress(placed.json.order!.number)).toMatchObject({ postalCode: 'SW1A 1AA' });
    const refused = await apiCheckout({ postalCode: '1234', region: '' }, 'GB');
    expect(refused.status).toBe(422);
    expect(refused.json.error?.fieldErrors?.['shippingAddress.postalCode']?.[0]).toMatch(/SW1A 1AA/);
  });

  it('holds the address book to the same rules, whatever its caller', async () => {
    const email = `book-${Date.now()}@example.com`;
    await registerUser({ name: 'Book', email, password: 'address book password' });
    const userId = (await authenticateCredentials(email, 'address book password'))!.id;
    const german = { name: 'B', company: null, line1: 'Hauptstraße 1', line2: null, city: 'Berlin', region: 'CA', postalCode: '10115', countryCode: 'DE', phone: null };
    const error = await createAddress(userId, german).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors?.region?.[0]).toMatch(/Germany/);
    expect(await listAddresses(userId)).toEqual([]);
    await createAddress(userId, { ...german, region: null });
    expect(await listAddresses(userId)).toMatchObject([{ countryCode: 'DE', region: null }]);
  });
});
