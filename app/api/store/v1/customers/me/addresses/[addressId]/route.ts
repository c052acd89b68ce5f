import { NextResponse } from 'next/server';
import { z } from 'zod';
import { route } from '@/lib/auth/guards';
import { deleteAddress, getAddress, updateAddress } from '@/lib/customers/addresses';
import { addressBookEntrySchema } from '@/lib/customers/schemas';
import { AppError } from '@/lib/errors';

const params = z.object({ addressId: z.uuid() });

// GET /api/store/v1/customers/me/addresses/{addressId} — one saved address; another customer's is 404.
export const GET = route({ auth: 'customer', params }, async ({ user, params }) => {
  const address = await getAddress(user!.id, params.addressId);
  if (!address) throw new AppError('not_found', 'That address was not found.');
  return NextResponse.json({ address });
});

// PUT /api/store/v1/customers/me/addresses/{addressId} — replace a saved address's fields.
export const PUT = route({ auth: 'customer', params, body: addressBookEntrySchema }, async ({ user, params, body }) => {
  await updateAddress(user!.id, params.addressId, body);
  return NextResponse.json({ address: await getAddress(user!.id, params.addressId) });
});

// DELETE /api/store/v1/customers/me/addresses/{addressId} — remove a saved address.
export const DELETE = route({ auth: 'customer', params }, async ({ user, params }) => {
  await deleteAddress(user!.id, params.addressId);
  return new Response(null, { status: 204 });
});
