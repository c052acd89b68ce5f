import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { addresses } from '@/db/schema';
import { type AddressInput, checkAddressRules } from '@/lib/checkout/address';
import { AppError } from '@/lib/errors';

// The address book. Every query names the owner in its WHERE clause; another customer's address is "not found".

export type SavedAddress = AddressInput & { id: string; isDefaultShipping: boolean };

/** The columns of a saved address as the account shows it (and its data export, lib/customers/privacy.ts). */
export const addressColumns = {
  id: addresses.id,
  name: addresses.name,
  company: addresses.company,
  line1: addresses.line1,
  line2: addresses.line2,
  city: addresses.city,
  region: addresses.region,
  postalCode: addresses.postalCode,
  countryCode: addresses.countryCode,
  phone: addresses.phone,
  isDefaultShipping: addresses.isDefaultShipping,
};

export async function listAddresses(userId: string, executor: Executor = db): Promise<SavedAddress[]> {
  return executor.select(addressColumns).from(addresses).where(eq(addresses.userId, userId)).orderBy(desc(addresses.isDefaultShipping), asc(addresses.createdAt));
}

export async function getDefaultShippingAddress(userId: string, executor: Executor = db): Promise<SavedAddress | null> {
  const [row] = await executor.select(addressColumns).from(addresses).where(eq(addresses.userId, userId)).orderBy(desc(addresses.isDefaultShipping), asc(addresses.createdAt)).limit(1);
  return row ?? null;
}

/** One saved address of this customer; null for an unknown id and for another customer's alike. */
export async function getAddress(userId: string, addressId: string, executor: Executor = db): Promise<SavedAddress | null> {
  const [row] = await executor.select(addressColumns).from(addresses).where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)));
  return row ?? null;
}

export async function createAddress(userId: string, input: AddressInput & { makeDefault?: boolean }, executor: Executor = db): Promise<{ id: string }> {
  // Re-checked here, whoever the caller: the book fills checkout, so a bad region here becomes a bad order (finding 9).
  const checked = checkAddressRules(input);
  if (!checked.ok) throw new AppError('validation_failed', 'Some fields are invalid.', { fieldErrors: checked.fieldErrors });
  input = checked.address;
  return executor.transaction(async (tx) => {
    const existing = await tx.$count(addresses, eq(addresses.userId, userId));
    const makeDefault = input.makeDefault || existing === 0;
    if (makeDefault) await tx.update(addresses).set({ isDefaultShipping: false }).where(eq(addresses.userId, userId));
    const { makeDefault: _ignored, ...address } = input;
    const [created] = await tx.insert(addresses).values({ ...address, userId, isDefaultShipping: makeDefault, isDefaultBilling: makeDefault }).returning({ id: addresses.id });
    return created!;
  });
}

/** Replaces a saved address's fields; the owner is in the WHERE clause, so another customer's id is "not found". */
export async function updateAddress(userId: string, addressId: string, input: AddressInput & { makeDefault?: boolean }, executor: Executor = db): Promise<void> {
  const checked = checkAddressRules(input);
  if (!checked.ok) throw new AppError('validation_failed', 'Some fields are invalid.', { fieldErrors: checked.fieldErrors });
  const { makeDefault, ...address } = checked.address;
  await executor.transaction(async (tx) => {
    const updated = await tx
      .update(addresses)
      .set(address)
      .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
      .returning({ id: addresses.id });
    if (updated.length === 0) throw new AppError('not_found', 'That address was not found.');
    if (makeDefault) {
      await tx.update(addresses).set({ isDefaultShipping: false }).where(eq(addresses.userId, userId));
      await tx.update(addresses).set({ isDefaultShipping: true }).where(eq(addresses.id, addressId));
    }
  });
}

export async function deleteAddress(userId: string, addressId: string, executor: Executor = db): Promise<void> {
  const deleted = await executor
    .delete(addresses)
    .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
    .returning({ id: addresses.id });
  if (deleted.length === 0) throw new AppError('not_found', 'That address was not found.');
}

export async function setDefaultAddress(userId: string, addressId: string, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const [owned] = await tx.select({ id: addresses.id }).from(addresses).where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)));
    if (!owned) throw new AppError('not_found', 'That address was not found.');
    await tx.update(addresses).set({ isDefaultShipping: false }).where(eq(addresses.userId, userId));
    await tx.update(addresses).set({ isDefaultShipping: true }).where(eq(addresses.id, addressId));
  });
}

/**
 * Checkout's "Save this address to my address book": adds the address unless the book already has the same one
 * (same recipient and postal address), so buying twice to one place does not fill the book with copies.
 * The first address a customer saves becomes their default.
 */
export async function saveAddressIfNew(userId: string, input: AddressInput, executor: Executor = db): Promise<'saved' | 'exists'> {
  const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
  const book = await listAddresses(userId, executor);
  const duplicate = book.some(
    (saved) =>
      same(saved.name, input.name) &&
      same(saved.company, input.company) &&
      same(saved.line1, input.line1) &&
      same(saved.line2, input.line2) &&
      same(saved.city, input.city) &&
      same(saved.region, input.region) &&
      same(saved.postalCode, input.postalCode) &&
      saved.countryCode === input.countryCode,
  );
  if (duplicate) return 'exists';
  await createAddress(userId, input, executor);
  return 'saved';
}
