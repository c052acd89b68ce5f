import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection } from '@/db/client';
import { authenticateCredentials, registerUser } from '@/lib/auth/service';
import { addressSchema } from '@/lib/checkout/address';
import { AppError } from '@/lib/errors';
import { createAddress, listAddresses, saveAddressIfNew, updateAddress } from './addresses';

afterAll(() => closeConnection());

async function customerId(label: string) {
  const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  await registerUser({ name: label, email, password: 'address password' });
  return (await authenticateCredentials(email, 'address password'))!.id;
}

const homeFields = { name: 'Sam Saver', line1: '500 Pine St', city: 'Portland', region: 'OR', postalCode: '97204', countryCode: 'US' };
const home = addressSchema.parse(homeFields);

describe('saving the checkout address', () => {
  it('adds a new address (the first becomes the default) and never a copy of one the book already has', async () => {
    const sam = await customerId('sam');
    const other = await customerId('other');
    expect(await saveAddressIfNew(sam, home)).toBe('saved');
    // The same place typed a little differently is the same address.
    const again = addressSchema.parse({ ...homeFields, name: ' sam saver ', line1: '500 PINE ST', region: 'or' });
    expect(await saveAddressIfNew(sam, again)).toBe('exists');
    const work = addressSchema.parse({ ...homeFields, line1: '1 Work Plaza' });
    expect(await saveAddressIfNew(sam, work)).toBe('saved');

    const book = await listAddresses(sam);
    expect(book.map((address) => [address.line1, address.isDefaultShipping])).toEqual([
      ['500 Pine St', true],
      ['1 Work Plaza', false],
    ]);
    expect(await listAddresses(other)).toEqual([]);
    expect(await saveAddressIfNew(other, home)).toBe('saved');
  });
});

describe('editing a saved address', () => {
  it('changes the owner’s address in place (country, region and postal code re-checked); another customer’s id is not found', async () => {
    const ann = await customerId('ann');
    const mallory = await customerId('mallory');
    await createAddress(ann, home);
    const [saved] = await listAddresses(ann);
    const london = addressSchema.parse({ name: 'Sam Saver', line1: '1 Piccadilly', city: 'London', postalCode: 'w1j9ll', countryCode: 'GB' });
    await updateAddress(ann, saved!.id, london);
    expect(await listAddresses(ann)).toMatchObject([{ id: saved!.id, line1: '1 Piccadilly', region: null, postalCode: 'W1J 9LL', countryCode: 'GB', isDefaultShipping: true }]);

    const stolen = await updateAddress(mallory, saved!.id, home).catch((error: unknown) => error);
    expect(stolen).toBeInstanceOf(AppError);
    expect((stolen as AppError).code).toBe('not_found');
    expect((await listAddresses(ann))[0]!.line1).toBe('1 Piccadilly');

    // Built by hand past the schema: a US state on a German address is still refused.
    const refused = await updateAddress(ann, saved!.id, { ...london, countryCode: 'DE', region: 'CA', postalCode: '10117' }).catch((error: unknown) => error);
    expect((refused as AppError).fieldErrors?.region?.[0]).toMatch(/no state or region/);
  });
});
