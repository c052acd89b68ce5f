'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signOut } from '@/lib/auth/config';
import { clearCartToken } from '@/lib/cart/session';
import { addressSchema } from '@/lib/checkout/address';
import { customerAction } from '@/lib/http/action';
import { type FormState, toFormState } from '@/lib/http/form-state';
import { RATE_LIMITS } from '@/lib/rate-limit';
import { writeCartHint, writeSessionHint } from '@/lib/store/hints';
import { createAddress, deleteAddress, setDefaultAddress, updateAddress } from './addresses';
import { eraseOwnAccount } from './privacy';
import { deleteAccountSchema } from './schemas';

const addressFormSchema = z.preprocess(
  (raw) => ({ ...(raw as Record<string, unknown>), makeDefault: (raw as Record<string, unknown>).makeDefault === 'on' }),
  z.intersection(addressSchema, z.object({ makeDefault: z.boolean() })),
);

const add = customerAction(addressFormSchema, async (input, ctx) => createAddress(ctx.user.id, input));
const edit = customerAction(z.intersection(addressFormSchema, z.object({ addressId: z.uuid() })), async ({ addressId, ...input }, ctx) =>
  updateAddress(ctx.user.id, addressId, input),
);
const remove = customerAction(z.object({ addressId: z.uuid() }), async (input, ctx) => deleteAddress(ctx.user.id, input.addressId));
const makeDefault = customerAction(z.object({ addressId: z.uuid() }), async (input, ctx) => setDefaultAddress(ctx.user.id, input.addressId));

export async function addAddressAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await add(formData);
  if (result.ok) refresh();
  return toFormState(result, formData, 'Address saved.');
}

export async function updateAddressAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await edit(formData);
  if (result.ok) refresh();
  return toFormState(result, formData, 'Address updated.');
}

export async function deleteAddressAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await remove(formData);
  if (result.ok) refresh();
  return toFormState(result, formData, 'Address removed.');
}

export async function setDefaultAddressAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await makeDefault(formData);
  if (result.ok) refresh();
  return toFormState(result, formData, 'Default address updated.');
}

// The password is a secret worth guessing here too: every attempt counts, per client address (the sign-in failure
// policy's budget, under its own key), so a session left open cannot be used to try passwords at leisure.
const eraseAccount = customerAction(deleteAccountSchema, async (input, ctx) => eraseOwnAccount(ctx.user.id, input.password, ctx.requestId), {
  rateLimit: (_input, { ip }) => [[RATE_LIMITS.signInFailuresPerAccountIp, `erase-account:${ip}`]],
});

export async function deleteAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await eraseAccount(formData);
  if (!result.ok) return toFormState(result, formData, '');
  // The erasure already ended every session (sessionVersion); this clears this browser's cookies too.
  await signOut({ redirect: false });
  await clearCartToken();
  await writeCartHint(null);
  await writeSessionHint(false);
  redirect('/account/deleted');
}
