'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { addressSchema } from '@/lib/checkout/address';
import { customerAction } from '@/lib/http/action';
import { type FormState, toFormState } from '@/lib/http/form-state';
import { createAddress, deleteAddress, setDefaultAddress } from './addresses';

const addressFormSchema = z.preprocess(
  (raw) => ({ ...(raw as Record<string, unknown>), makeDefault: (raw as Record<string, unknown>).makeDefault === 'on' }),
  z.intersection(addressSchema, z.object({ makeDefault: z.boolean() })),
);

const add = customerAction(addressFormSchema, async (input, ctx) => createAddress(ctx.user.id, input));
const remove = customerAction(z.object({ addressId: z.uuid() }), async (input, ctx) => deleteAddress(ctx.user.id, input.addressId));
const makeDefault = customerAction(z.object({ addressId: z.uuid() }), async (input, ctx) => setDefaultAddress(ctx.user.id, input.addressId));

export async function addAddressAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await add(formData);
  if (result.ok) refresh();
  return toFormState(result, formData, 'Address saved.');
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
