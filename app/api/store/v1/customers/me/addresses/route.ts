import { NextResponse } from 'next/server';
import { route } from '@/lib/auth/guards';
import { createAddress, getAddress, listAddresses } from '@/lib/customers/addresses';
import { addressBookEntrySchema } from '@/lib/customers/schemas';

// GET /api/store/v1/customers/me/addresses — the signed-in customer's address book, default first.
export const GET = route({ auth: 'customer' }, async ({ user }) => NextResponse.json({ data: await listAddresses(user!.id) }));

// POST /api/store/v1/customers/me/addresses — add an address (the checkout's per-country rules); the first one, or
// one sent with makeDefault, becomes the default.
export const POST = route({ auth: 'customer', body: addressBookEntrySchema }, async ({ user, body }) => {
  const { id } = await createAddress(user!.id, body);
  return NextResponse.json({ address: await getAddress(user!.id, id) }, { status: 201 });
});
