'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signOut } from '@/lib/auth/config';
import { clearCartToken } from '@/lib/cart/session';
import { addressSchema } from '@/lib/checkout/address';
import { customerAction } from '@/lib/auth/guards';
import { RATE_LIMITS } from '@/lib/rate-limit';
import { writeCartHint, writeSessionHint } from '@/lib/store/hints';
import { createAddress, deleteAddress, setDefaultAddress, updateAddress } from './addresses';
import { eraseOwnAccount } from './privacy';
import { deleteAccountSchema } from './schemas';

const addressFormSchema = z.preprocess(
  (raw) => ({ ...(raw as Record<string, unknown>), makeDefault: (raw as Record<string, unknown>).makeDefault === 'on' }),
  z.intersection(addressSchema, z.object({ makeDefault: z.boolean() })),
);

export const addAddressAction = customerAction(
  addressFormSchema,
  async (input, ctx) => {
    await createAddress(ctx.user.id, input);
    refresh();
  },
  { successMessage: 'Address saved.' },
);

export const updateAddressAction = customerAction(
  z.intersection(addressFormSchema, z.object({ addressId: z.uuid() })),
  async ({ addressId, ...input }, ctx) => {
    await updateAddress(ctx.user.id, addressId, input);
    refresh();
  },
  { successMessage: 'Address updated.' },
);

export const deleteAddressAction = customerAction(
  z.object({ addressId: z.uuid() }),
  async (input, ctx) => {
    await deleteAddress(ctx.user.id, input.addressId);
    refresh();
  },
  { successMessage: 'Address removed.' },
);

export const setDefaultAddressAction = customerAction(
  z.object({ addressId: z.uuid() }),
  async (input, ctx) => {
    await setDefaultAddress(ctx.user.id, input.addressId);
    refresh();
  },
  { successMessage: 'Default address updated.' },
);

// The password is a secret worth guessing here too: every attempt counts, per client address (the sign-in failure
// policy's budget, under its own key), so a session left open cannot be used to try passwords at leisure.
export const deleteAccountAction = customerAction(
  deleteAccountSchema,
  async (input, ctx) => {
    await eraseOwnAccount(ctx.user.id, input.password, ctx.requestId);
    // The erasure already ended every session (sessionVersion); this clears this browser's cookies too.
    await signOut({ redirect: false });
    await clearCartToken();
    await writeCartHint(null);
    await writeSessionHint(false);
    redirect('/account/deleted');
  },
  { rateLimit: (_input, client) => [[RATE_LIMITS.signInFailuresPerAccountIp, `erase-account:${client.ip}`]] },
);
